// Two versions of one synthetic policy (written for the tests, in our own words) at one source:
// what changed between them is known (tests/changes.test.ts lists it), so suites that show
// change history can check it.
const CONTROLLER_BLOCK = `Datenschutzerklärung

Verantwortlicher
Verantwortlicher im Sinne der Datenschutz-Grundverordnung ist:

Beispielwerk Möbel GmbH
Hafenweg 3
20457 Hamburg
E-Mail: datenschutz@beispielwerk.example
`;

// v1: Zoom with SCC, Mailchimp's operator with SCC and DPF
export const V1 = `${CONTROLLER_BLOCK}
Videokonferenzen mit Zoom
Für Online-Beratungen nutzen wir Zoom, einen Dienst der Zoom Communications, Inc., USA. Zoom ist für uns als Auftragsverarbeiter tätig. Dabei werden personenbezogene Daten in die USA übermittelt. Die Übermittlung stützt sich auf die Standardvertragsklauseln der EU-Kommission.

Newsletter mit Mailchimp
Unseren Newsletter versenden wir mit Mailchimp, einem Dienst der The Rocket Science Group LLC, USA. Die Rocket Science Group verarbeitet die Daten in unserem Auftrag. Daten werden in die USA übermittelt; Grundlage sind Standardvertragsklauseln sowie das EU-US Data Privacy Framework.
`;

// v2: Zoom now on the DPF instead of SCC; the newsletter is gone; self-hosted analytics and a German host are new
export const V2 = `${CONTROLLER_BLOCK}
Videokonferenzen mit Zoom
Für Online-Beratungen nutzen wir Zoom, einen Dienst der Zoom Communications, Inc., USA. Zoom ist für uns als Auftragsverarbeiter tätig. Dabei werden personenbezogene Daten in die USA übermittelt. Die Übermittlung stützt sich auf das EU-US Data Privacy Framework.

Webanalyse mit Matomo
Zur Reichweitenmessung nutzen wir Matomo. Matomo wird auf unseren eigenen Servern betrieben; es werden keine Daten an Dritte übermittelt.

Hosting
Unsere Website wird bei der Hetzner Online GmbH, Industriestr. 25, 91710 Gunzenhausen, gehostet. Hetzner ist unser Auftragsverarbeiter.
`;

export const SOURCE = 'https://beispielwerk.example/datenschutz';
