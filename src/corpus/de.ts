/**
 * German wording for generated policies. Every sentence here was written for this
 * generator; variety comes from picking among alternatives per sentence, so two documents
 * rarely share a paragraph verbatim while stating the same kinds of facts.
 */
import { countryByCode } from '../kb/countries.js';
import type { VendorEntity } from '../kb/vendors.js';
import { personName } from './identity.js';
import type { Boilerplate, DocContext, Phrasebook, VendorGroup } from './phrasebook.js';
import type { LegalBasis, Mechanism, VendorFact } from './plan.js';
import type { Rng } from './random.js';
import { CONSENT_KEYS } from './sample.js';
import { joinList, oneOf, pad2, sentences } from './text.js';

const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** Countries that take an article in German ("in die USA", "in der Schweiz"). */
const WITH_ARTICLE: Readonly<Record<string, { to: string[]; in: string[] }>> = {
  US: { to: ['in die USA', 'in die Vereinigten Staaten', 'in die USA'], in: ['in den USA', 'in den Vereinigten Staaten'] },
  CH: { to: ['in die Schweiz'], in: ['in der Schweiz'] },
  GB: { to: ['in das Vereinigte Königreich', 'nach Großbritannien'], in: ['im Vereinigten Königreich', 'in Großbritannien'] },
  AE: { to: ['in die Vereinigten Arabischen Emirate'], in: ['in den Vereinigten Arabischen Emiraten'] },
  NL: { to: ['in die Niederlande'], in: ['in den Niederlanden'] },
  TR: { to: ['in die Türkei'], in: ['in der Türkei'] },
  SK: { to: ['in die Slowakei'], in: ['in der Slowakei'] },
  UA: { to: ['in die Ukraine'], in: ['in der Ukraine'] },
  PH: { to: ['auf die Philippinen'], in: ['auf den Philippinen'] },
};

function countryDe(code: string): string {
  return countryByCode(code)?.nameDe ?? code;
}

function toCountry(code: string, rng: Rng): string {
  const forms = WITH_ARTICLE[code];
  return forms ? rng.pick(forms.to) : `nach ${countryDe(code)}`;
}

function inCountry(code: string, rng: Rng): string {
  const forms = WITH_ARTICLE[code];
  return forms ? rng.pick(forms.in) : `in ${countryDe(code)}`;
}

/** The country line of a postal address. */
function addressCountry(code: string): string {
  return code === 'US' ? 'USA' : countryDe(code);
}

function entityWithAddress(e: VendorEntity, rng: Rng): string {
  const omitCountry = e.country === 'DE' && rng.chance(0.6);
  const country = omitCountry ? '' : `, ${addressCountry(e.country)}`;
  if (e.address && rng.chance(0.8)) return `${e.name}, ${e.address}${country}`;
  if (e.city) {
    return rng.chance(0.5) ? `${e.name}, ${e.city}${country}` : `${e.name} mit Sitz in ${e.city}${omitCountry ? '' : ` (${addressCountry(e.country)})`}`;
  }
  return `${e.name}${country}`;
}

interface GroupWords {
  heading: string[];
  purpose: string[];
  data: string[];
  what: ((s: string) => string)[];
  interest: string[];
}

const GROUPS: Readonly<Record<VendorGroup, GroupWords>> = {
  analytics: {
    heading: ['Webanalyse', 'Analyse-Tools und Tracking', 'Reichweitenmessung', 'Statistische Auswertung'],
    purpose: ['die statistische Auswertung der Nutzung unserer Website', 'die Reichweitenmessung und Optimierung unseres Angebots', 'die Analyse des Besucherverhaltens'],
    data: ['gekürzte IP-Adresse, Geräte- und Browserinformationen, aufgerufene Seiten und Verweildauer', 'Informationen zu Ihrem Endgerät, Referrer-URL, Klickpfade und ungefährer Standort', 'pseudonyme Nutzungsprofile, Zeitpunkt des Zugriffs und Interaktionen mit der Website'],
    what: [(s) => `${s} ermöglicht es uns, die Nutzung unserer Website auszuwerten.`, (s) => `Mit ${s} erfassen wir, wie Besucherinnen und Besucher mit unserer Website interagieren.`, (s) => `${s} ist ein Webanalysedienst, der hierfür Cookies oder vergleichbare Technologien einsetzt.`],
    interest: ['einer bedarfsgerechten Gestaltung unserer Website', 'der Auswertung des Nutzungsverhaltens zur Verbesserung unseres Angebots'],
  },
  ads: {
    heading: ['Werbung und Marketing', 'Online-Marketing', 'Remarketing und Conversion-Tracking', 'Werbliche Dienste'],
    purpose: ['die Messung des Erfolgs unserer Werbekampagnen', 'die Ausspielung interessenbezogener Werbung', 'Remarketing und Conversion-Tracking'],
    data: ['Cookie-IDs, Informationen über Interaktionen mit Anzeigen und IP-Adresse', 'Geräte-Kennungen, besuchte Seiten und Conversion-Ereignisse'],
    what: [(s) => `Mit ${s} können wir nachvollziehen, ob Nutzer nach dem Klick auf eine Anzeige eine bestimmte Aktion auf unserer Website ausführen.`, (s) => `${s} dient uns dazu, Werbeanzeigen gezielt Personen anzuzeigen, die sich bereits für unser Angebot interessiert haben.`, (s) => `Wir nutzen ${s}, um unsere Werbung auf externen Plattformen zu steuern und auszuwerten.`],
    interest: ['der wirtschaftlichen Vermarktung unseres Angebots'],
  },
  video_conferencing: {
    heading: ['Videokonferenzen', 'Online-Meetings und Webinare', 'Videokonferenzsysteme', 'Online-Kommunikation'],
    purpose: ['die Durchführung von Online-Meetings, Videokonferenzen und Webinaren', 'die Kommunikation mit Kunden, Bewerbern und Geschäftspartnern'],
    data: ['Name, E-Mail-Adresse, Profilbild, Meeting-Metadaten (Datum, Uhrzeit, Dauer) und IP-Adresse', 'Bild- und Tondaten, Chat-Inhalte, Teilnehmerlisten und Geräteinformationen'],
    what: [(s) => `Für Online-Besprechungen verwenden wir ${s}.`, (s) => `Videokonferenzen und Webinare führen wir mit ${s} durch.`, (s) => `Wenn Sie an einem Online-Meeting mit uns teilnehmen, nutzen wir hierfür ${s}.`],
    interest: ['einer effektiven Kommunikation mit unseren Gesprächspartnern', 'einer ortsunabhängigen Zusammenarbeit'],
  },
  hosting: {
    heading: ['Hosting', 'Hosting und Serverbetrieb', 'Bereitstellung der Website', 'Externes Hosting'],
    purpose: ['das Hosting unserer Website', 'den Betrieb unserer Server und Anwendungen', 'die Bereitstellung unseres Online-Angebots'],
    data: ['IP-Adressen, Zugriffszeitpunkte, Browser-Informationen und Inhalte der Website', 'Server-Logfiles, Kontaktanfragen, Meta- und Kommunikationsdaten'],
    what: [(s) => `Unsere Website wird bei ${s} gehostet.`, (s) => `Für das Hosting unserer Website nutzen wir ${s}.`, (s) => `Die Inhalte dieser Website liegen auf Servern von ${s}.`],
    interest: ['einer sicheren, schnellen und effizienten Bereitstellung unseres Online-Angebots'],
  },
  cdn: {
    heading: ['Content Delivery Network', 'CDN und Sicherheit', 'Auslieferung von Inhalten'],
    purpose: ['die schnellere und sicherere Auslieferung unserer Website', 'den Schutz vor Angriffen und die Lastverteilung'],
    data: ['IP-Adresse, angefragte Inhalte, Browser-Kennung und Zeitstempel'],
    what: [(s) => `Wir verwenden das Content Delivery Network ${s}.`, (s) => `Zur Auslieferung statischer Inhalte setzen wir ${s} ein; Anfragen an unsere Website werden dabei über Server des Anbieters geleitet.`],
    interest: ['einer möglichst fehlerfreien und sicheren Bereitstellung unserer Website'],
  },
  email: {
    heading: ['E-Mail und Bürokommunikation', 'Office-Anwendungen', 'Interne Kommunikation'],
    purpose: ['unsere E-Mail-Kommunikation und Büroorganisation', 'die Zusammenarbeit im Team und die Verwaltung von Dokumenten'],
    data: ['E-Mail-Inhalte, Kontaktdaten, Kalendereinträge und Dokumente', 'Kommunikationsdaten, Metadaten und Dateianhänge'],
    what: [(s) => `Für E-Mail, Kalender und Dokumente nutzen wir ${s}.`, (s) => `Unsere Kommunikation per E-Mail wickeln wir über ${s} ab.`],
    interest: ['einer effizienten Organisation unserer Kommunikation'],
  },
  crm: {
    heading: ['Kundenverwaltung (CRM)', 'CRM-System', 'Verwaltung von Kundenbeziehungen'],
    purpose: ['die Verwaltung von Kunden- und Interessentendaten', 'die Bearbeitung von Anfragen und die Pflege unserer Geschäftsbeziehungen'],
    data: ['Name, Firma, Kontaktdaten, Kommunikationsverlauf und Vertragsinformationen'],
    what: [(s) => `Wir verwalten Kundenbeziehungen mit dem CRM-System ${s}.`, (s) => `Anfragen und Kundendaten speichern wir in ${s}.`],
    interest: ['einer effizienten Kundenverwaltung'],
  },
  payment: {
    heading: ['Zahlungsdienstleister', 'Zahlungsanbieter', 'Zahlungsabwicklung'],
    purpose: ['die Abwicklung von Zahlungen', 'die Zahlungsabwicklung und Betrugsprävention'],
    data: ['Name, Anschrift, E-Mail-Adresse, Bestell- und Zahlungsdaten (z. B. IBAN oder Kreditkartennummer)', 'Rechnungsbetrag, Bestellnummer, Zahlungsstatus und ggf. Bonitätsinformationen'],
    what: [(s) => `Entscheiden Sie sich für eine Zahlung über ${s}, geben wir die dafür erforderlichen Daten an den Zahlungsdienstleister weiter.`, (s) => `Wir bieten die Zahlung über ${s} an.`, (s) => `Für die Zahlungsabwicklung arbeiten wir mit ${s} zusammen.`],
    interest: ['einem reibungslosen Zahlungsverkehr und der Vermeidung von Zahlungsausfällen'],
  },
  support: {
    heading: ['Kundenservice und Fernwartung', 'Support', 'Support-Werkzeuge'],
    purpose: ['die Bearbeitung von Support-Anfragen', 'den Kundenservice und die Fernwartung'],
    data: ['Name, Kontaktdaten, Inhalt der Anfrage, Ticket-Verlauf und ggf. Bildschirminhalte'],
    what: [(s) => `Support-Anfragen bearbeiten wir mit ${s}.`, (s) => `Für Kundenservice und Fernwartung verwenden wir ${s}.`],
    interest: ['einer schnellen Bearbeitung Ihrer Anliegen'],
  },
  social: {
    heading: ['Soziale Medien', 'Social-Media-Präsenzen', 'Social Media Plugins', 'Eingebundene Inhalte sozialer Netzwerke'],
    purpose: ['die Darstellung unseres Unternehmens in sozialen Netzwerken', 'die Einbindung von Inhalten und die Kommunikation mit Nutzern'],
    data: ['IP-Adresse, Informationen über besuchte Seiten, Interaktionen und ggf. Ihr Nutzerkonto'],
    what: [(s) => `Wir unterhalten eine Präsenz auf ${s} und binden Inhalte von dort auf unserer Website ein.`, (s) => `Auf unserer Website sind Inhalte von ${s} eingebunden.`, (s) => `Wir betreiben ein Unternehmensprofil bei ${s}.`],
    interest: ['einer zeitgemäßen Öffentlichkeitsarbeit'],
  },
  fonts_maps: {
    heading: ['Schriftarten und Kartendienste', 'Plugins und Tools', 'Externe Inhalte', 'Eingebettete Dienste'],
    purpose: ['die einheitliche Darstellung von Schriftarten', 'die Darstellung interaktiver Karten', 'die Einbindung externer Inhalte'],
    data: ['IP-Adresse, Browser-Informationen und die angefragte Ressource'],
    what: [(s) => `Diese Website nutzt ${s}; beim Aufruf einer Seite lädt Ihr Browser die benötigten Inhalte vom Server des Anbieters.`, (s) => `Wir binden ${s} ein.`, (s) => `Zur Darstellung von Inhalten verwenden wir ${s}.`],
    interest: ['einer ansprechenden und einheitlichen Darstellung unseres Online-Angebots'],
  },
  captcha: {
    heading: ['Spam-Schutz', 'Schutz vor Missbrauch', 'CAPTCHA'],
    purpose: ['den Schutz unserer Formulare vor Spam und automatisierten Zugriffen'],
    data: ['IP-Adresse, Mausbewegungen, Verweildauer sowie Browser- und Geräteinformationen'],
    what: [(s) => `Zum Schutz unserer Formulare setzen wir ${s} ein.`, (s) => `${s} prüft, ob eine Eingabe von einem Menschen oder von einem automatisierten Programm stammt.`],
    interest: ['dem Schutz unserer Website vor missbräuchlicher Ausspähung und Spam'],
  },
  scheduling: {
    heading: ['Terminbuchung', 'Online-Terminvereinbarung', 'Terminplanung'],
    purpose: ['die Online-Vereinbarung von Terminen'],
    data: ['Name, E-Mail-Adresse, Telefonnummer, gewünschter Termin und Anmerkungen'],
    what: [(s) => `Termine können Sie bequem über ${s} buchen.`, (s) => `Für die Terminvereinbarung nutzen wir ${s}.`],
    interest: ['einer unkomplizierten Terminvereinbarung'],
  },
  forms: {
    heading: ['Formulare und Umfragen', 'Online-Umfragen'],
    purpose: ['die Durchführung von Umfragen und die Erfassung von Formulareingaben'],
    data: ['Ihre Eingaben im Formular, Zeitpunkt der Übermittlung und IP-Adresse'],
    what: [(s) => `Für Formulare und Umfragen nutzen wir ${s}.`, (s) => `Einige unserer Formulare werden über ${s} bereitgestellt.`],
    interest: ['der Verbesserung unserer Leistungen anhand Ihrer Rückmeldungen'],
  },
  storage: {
    heading: ['Cloud-Speicher und Dateiaustausch', 'Dateiablage'],
    purpose: ['die Speicherung und den Austausch von Dateien'],
    data: ['Dateien und Dokumente, Metadaten und Nutzerkennungen'],
    what: [(s) => `Zum Austausch von Dateien verwenden wir ${s}.`, (s) => `Dokumente legen wir in ${s} ab.`],
    interest: ['einem sicheren und ortsunabhängigen Zugriff auf Dokumente'],
  },
  ai: {
    heading: ['Künstliche Intelligenz', 'KI-gestützte Dienste', 'Einsatz von KI'],
    purpose: ['die Unterstützung bei der Texterstellung, Übersetzung und Auswertung von Anfragen'],
    data: ['eingegebene Texte (Prompts), Dokumente und Nutzungsdaten'],
    what: [(s) => `Wir setzen den KI-Dienst ${s} ein.`, (s) => `Bei der Bearbeitung von Anfragen kann ${s} zum Einsatz kommen.`],
    interest: ['einer effizienten Bearbeitung von Anfragen'],
  },
  monitoring: {
    heading: ['Fehleranalyse und Monitoring', 'Überwachung der Systemstabilität'],
    purpose: ['die Erkennung von Fehlern und die Sicherstellung der Stabilität unserer Anwendungen'],
    data: ['Fehlermeldungen, technische Gerätedaten, IP-Adresse und Zeitpunkt'],
    what: [(s) => `Zur Fehleranalyse verwenden wir ${s}.`, (s) => `${s} hilft uns, technische Probleme frühzeitig zu erkennen.`],
    interest: ['einem stabilen und fehlerfreien Betrieb unserer Dienste'],
  },
  chat: {
    heading: ['Chat und Messenger', 'Live-Chat', 'Kommunikation über Messenger'],
    purpose: ['die Kommunikation per Chat bzw. Messenger'],
    data: ['Name, Telefonnummer, Chatverlauf und Metadaten'],
    what: [(s) => `Sie können mit uns über ${s} kommunizieren.`, (s) => `Auf unserer Website bieten wir einen Chat über ${s} an.`],
    interest: ['einer schnellen und direkten Kommunikation'],
  },
  newsletter: {
    heading: ['Newsletter', 'E-Mail-Marketing', 'Newsletterversand'],
    purpose: ['den Versand unseres Newsletters und die Auswertung der Öffnungs- und Klickraten'],
    data: ['E-Mail-Adresse, Name, Anmeldezeitpunkt, IP-Adresse sowie Öffnungs- und Klickverhalten'],
    what: [(s) => `Der Versand unseres Newsletters erfolgt über ${s}.`, (s) => `Für den E-Mail-Versand nutzen wir ${s}.`, (s) => `Wenn Sie unseren Newsletter abonnieren, werden Ihre Angaben bei ${s} gespeichert.`],
    interest: ['einem zuverlässigen Newsletterversand'],
  },
  consent: {
    heading: ['Einwilligungsverwaltung', 'Cookie-Consent', 'Consent-Management'],
    purpose: ['die Einholung und Dokumentation Ihrer Einwilligungen'],
    data: ['gekürzte IP-Adresse, Zeitpunkt und Inhalt der Einwilligung, Browser-Informationen und eine Consent-ID'],
    what: [(s) => `Wir verwenden ${s}, um Ihre Einwilligung zur Speicherung bestimmter Cookies einzuholen und zu dokumentieren.`, (s) => `Unsere Website nutzt die Consent-Management-Plattform ${s}.`],
    interest: ['einer rechtssicheren Dokumentation von Einwilligungen'],
  },
  other: {
    heading: ['Weitere Dienste', 'Sonstige Dienstleister', 'Weitere eingesetzte Software'],
    purpose: ['die Erbringung unserer Leistungen und die interne Organisation'],
    data: ['Kontakt- und Vertragsdaten sowie Nutzungsdaten'],
    what: [(s) => `Wir nutzen ${s}.`, (s) => `Im Rahmen unserer Geschäftstätigkeit setzen wir ${s} ein.`],
    interest: ['einer effizienten Organisation unserer Geschäftsprozesse'],
  },
};

function group(fact: VendorFact): VendorGroup {
  return CONSENT_KEYS.has(fact.vendor.key) ? 'consent' : fact.vendor.category;
}

/** § 25 TTDSG took effect in December 2021 and was renamed TDDDG in May 2024. */
function terminalLaw(ctx: DocContext): string | null {
  const { year, month } = ctx.date;
  if (year > 2024 || (year === 2024 && month >= 5)) return '§ 25 Abs. 1 TDDDG';
  if (year > 2021 || (year === 2021 && month === 12)) return '§ 25 Abs. 1 TTDSG';
  return null;
}

/**
 * Names the provider. `statesUse` variants also say that we use the service, for when no
 * sentence about the service's function precedes them.
 */
function providerIntro(f: VendorFact, statesUse: boolean, rng: Rng): string {
  const s = f.service;
  const e = entityWithAddress(f.contracting, rng);
  const brand = f.vendor.brand;
  const purpose = rng.pick(GROUPS[group(f)].purpose);
  return statesUse
    ? oneOf(rng, [
      () => `Wir nutzen ${s}, einen Dienst der ${e}.`,
      () => `Auf unserer Website setzen wir ${s} ein. Dabei handelt es sich um ein Angebot der ${e}.`,
      () => `Wir verwenden ${s} der ${f.contracting.name} („${brand}“) für ${purpose}.`,
      () => `Diese Website nutzt Funktionen von ${s}. Anbieterin ist die ${e}.`,
      () => `Wir haben ${s} eingebunden, ein Produkt der ${e}.`,
      () => `Für ${purpose} nutzen wir ${s}. Betreiber ist die ${e}.`,
    ])
    : oneOf(rng, [
      () => `Anbieter ist die ${e}.`,
      () => `Anbieter dieses Dienstes ist die ${e} (nachfolgend „${brand}“).`,
      () => `${s} wird von der ${e} bereitgestellt.`,
      () => `Betreiber ist die ${e}.`,
      () => `Verantwortlich für den Dienst ${s} ist die ${e}.`,
    ]);
}

function roleSentence(f: VendorFact, rng: Rng): string | null {
  const b = f.vendor.brand;
  const name = f.contracting.name;
  switch (f.role) {
    case 'processor':
      return oneOf(rng, [
        () => `Wir haben mit ${b} einen Vertrag über Auftragsverarbeitung (AVV) gemäß Art. 28 DSGVO geschlossen.`,
        () => `${b} verarbeitet die Daten ausschließlich in unserem Auftrag und nach unseren Weisungen; ein entsprechender Auftragsverarbeitungsvertrag liegt vor.`,
        () => `Der Anbieter ist für uns als Auftragsverarbeiter im Sinne von Art. 28 DSGVO tätig.`,
        () => `Mit dem Anbieter besteht eine Vereinbarung zur Auftragsverarbeitung, die sicherstellt, dass die Daten nur nach unseren Weisungen und unter Einhaltung der DSGVO verarbeitet werden.`,
        () => `Grundlage der Zusammenarbeit ist ein Data Processing Agreement (DPA) nach Art. 28 Abs. 3 DSGVO.`,
        () => `Die ${name} ist unser Auftragsverarbeiter; wir bleiben für die Verarbeitung verantwortlich.`,
      ]);
    case 'controller':
      return oneOf(rng, [
        () => `${b} ist für die Verarbeitung der Daten selbst datenschutzrechtlich verantwortlich.`,
        () => `Der Anbieter verarbeitet Ihre Daten als eigenständig Verantwortlicher im Sinne von Art. 4 Nr. 7 DSGVO.`,
        () => `Insoweit ist ${b} eigener Verantwortlicher; für die dortige Verarbeitung gelten die Datenschutzbestimmungen des Anbieters.`,
        () => `Die Daten werden an ${b} als eigenständige verantwortliche Stelle übermittelt.`,
        () => `Die ${name} handelt dabei nicht in unserem Auftrag, sondern in eigener Verantwortung.`,
      ]);
    case 'joint':
      return oneOf(rng, [
        () => `Für die Erhebung und Übermittlung der Daten sind wir gemeinsam mit ${b} verantwortlich (Art. 26 DSGVO).`,
        () => `Wir und die ${name} sind gemeinsam Verantwortliche im Sinne des Art. 26 DSGVO. Die wesentlichen Inhalte der Vereinbarung über die gemeinsame Verantwortlichkeit stellt ${b} online zur Verfügung.`,
        () => `Insoweit besteht eine gemeinsame Verantwortlichkeit nach Art. 26 DSGVO; ${b} hat sich verpflichtet, Anfragen betroffener Personen zu beantworten.`,
        () => `Für diese Verarbeitung haben wir mit ${b} eine Vereinbarung über gemeinsame Verantwortlichkeit (Joint-Controller-Vereinbarung) geschlossen.`,
      ]);
    case 'self_hosted':
      return oneOf(rng, [
        () => `Wir betreiben ${f.service} auf unseren eigenen Servern, sodass alle Daten bei uns verbleiben; eine Weitergabe an den Hersteller findet nicht statt.`,
        () => `${f.service} wird von uns selbst gehostet. Die ${name} als Hersteller der Software erhält keinen Zugriff auf die verarbeiteten Daten.`,
        () => `Die Software läuft auf einem von uns betriebenen Server; es werden keine Daten an ${b} oder andere Dritte übermittelt.`,
        () => `Wir setzen eine selbst gehostete Instanz von ${f.service} ein, die Daten werden ausschließlich auf unserer eigenen Infrastruktur verarbeitet.`,
      ]);
    case 'unspecified':
      return null;
  }
}

const MECH_GEN: Readonly<Record<Mechanism, string[]>> = {
  SCC: ['der Standardvertragsklauseln der EU-Kommission', 'der EU-Standardvertragsklauseln (Art. 46 Abs. 2 lit. c DSGVO)', 'der Standarddatenschutzklauseln (Standard Contractual Clauses, SCC)'],
  DPF: ['des EU-US Data Privacy Framework (DPF)', 'des Angemessenheitsbeschlusses zum EU-US Data Privacy Framework', 'des EU-U.S. Data Privacy Framework'],
  BCR: ['verbindlicher interner Datenschutzvorschriften (Binding Corporate Rules, Art. 47 DSGVO)', 'genehmigter Binding Corporate Rules'],
  ADEQUACY: ['eines Angemessenheitsbeschlusses der EU-Kommission (Art. 45 DSGVO)', 'des Angemessenheitsbeschlusses der Europäischen Kommission'],
  ART49: ['Ihrer ausdrücklichen Einwilligung nach Art. 49 Abs. 1 lit. a DSGVO'],
};

const MECH_NOM: Readonly<Record<Mechanism, string[]>> = {
  SCC: ['die Standardvertragsklauseln der EU-Kommission', 'die EU-Standardvertragsklauseln', 'die von der EU-Kommission genehmigten Standarddatenschutzklauseln'],
  DPF: ['das EU-US Data Privacy Framework', 'die Zertifizierung des Anbieters nach dem EU-US Data Privacy Framework (DPF)'],
  BCR: ['verbindliche interne Datenschutzvorschriften (Binding Corporate Rules)'],
  ADEQUACY: ['ein Angemessenheitsbeschluss der EU-Kommission', 'der Angemessenheitsbeschluss der Europäischen Kommission nach Art. 45 DSGVO'],
  ART49: ['Ihre ausdrückliche Einwilligung gemäß Art. 49 Abs. 1 lit. a DSGVO'],
};

function mechanismSentence(mechs: readonly Mechanism[], country: string, recipient: string, rng: Rng): string {
  if (mechs.length === 0) {
    return rng.chance(0.5)
      ? `Wir weisen darauf hin, dass ${countryDe(country)} nach Einschätzung des Europäischen Gerichtshofs kein mit der EU vergleichbares Datenschutzniveau aufweist.`
      : '';
  }
  if (mechs.length === 1 && mechs[0] === 'DPF' && rng.chance(0.5)) {
    return oneOf(rng, [
      () => `Die ${recipient} ist nach dem EU-US Data Privacy Framework zertifiziert.`,
      () => `Das Unternehmen verfügt über eine Zertifizierung nach dem „EU-US Data Privacy Framework“ (DPF), einem Abkommen zwischen der EU und den USA, das die Einhaltung europäischer Datenschutzstandards sicherstellen soll.`,
      () => `Der Anbieter nimmt am EU-US Data Privacy Framework teil, für das ein Angemessenheitsbeschluss der EU-Kommission besteht.`,
    ]);
  }
  if (mechs.length === 1 && mechs[0] === 'ADEQUACY' && rng.chance(0.6)) {
    return oneOf(rng, [
      () => `Für ${countryDe(country)} liegt ein Angemessenheitsbeschluss der EU-Kommission vor.`,
      () => `${countryDe(country)} gilt aufgrund eines Angemessenheitsbeschlusses der Europäischen Kommission als Drittland mit angemessenem Datenschutzniveau.`,
      () => `Die EU-Kommission hat festgestellt, dass ${countryDe(country)} ein angemessenes Schutzniveau bietet (Art. 45 DSGVO).`,
    ]);
  }
  const gen = joinList(mechs.map((m) => rng.pick(MECH_GEN[m])), 'sowie');
  const nom = joinList(mechs.map((m) => rng.pick(MECH_NOM[m])), 'und');
  // Clauses and corporate rules are plural nouns in German; the verb must agree.
  const plural = mechs.length > 1 || mechs[0] === 'SCC' || mechs[0] === 'BCR';
  return oneOf(rng, [
    () => `Die Übermittlung erfolgt auf Grundlage ${gen}.`,
    () => `Die Datenübermittlung wird auf Basis ${gen} abgesichert.`,
    () => `Als Garantie für ein angemessenes Datenschutzniveau ${plural ? 'dienen' : 'dient'} ${nom}.`,
    () => `Rechtsgrundlage für die Übermittlung ${plural ? 'sind' : 'ist'} ${nom}.`,
    () => `Zur Absicherung der Drittlandübermittlung stützen wir uns auf ${nom.replace(/^ein /, 'einen ')}.`,
  ]);
}

function transferSentences(f: VendorFact, rng: Rng): string {
  const t = f.transfer;
  if (!t) return '';
  const to = toCountry(t.country, rng);
  const inC = inCountry(t.country, rng);
  const sameAsProvider = t.recipient === f.contracting;
  const who = sameAsProvider ? (rng.chance(0.5) ? f.vendor.brand : 'den Anbieter') : `die ${t.recipient.name}`;
  const core = t.certainty === 'stated'
    ? oneOf(rng, [
      () => `Dabei werden personenbezogene Daten ${to} übermittelt.`,
      () => `Im Rahmen der Nutzung werden Daten an ${who} ${to} übertragen.`,
      () => `Die Verarbeitung erfolgt auch auf Servern ${inC}.`,
      () => `Ihre Daten werden dabei auf Server von ${f.vendor.brand} ${inC} übertragen und dort gespeichert.`,
      () => `Es findet eine Übermittlung Ihrer Daten ${to} statt.`,
    ])
    : oneOf(rng, [
      () => `Es kann nicht ausgeschlossen werden, dass Daten auch an ${who} ${to} übermittelt werden.`,
      () => `Eine Übermittlung von Daten ${to} ist dabei nicht auszuschließen.`,
      () => `Dabei ist eine Übertragung personenbezogener Daten an ${sameAsProvider ? 'den Anbieter' : `die Muttergesellschaft ${t.recipient.name}`} ${inC} möglich.`,
      () => `Unter Umständen werden Daten auch ${to} übertragen.`,
      () => `Eine Verarbeitung ${inC} kann im Einzelfall, etwa bei Supportanfragen, erfolgen.`,
    ]);
  return sentences(core, mechanismSentence(t.mechanisms, t.country, t.recipient.name, rng));
}

function negationSentence(rng: Rng): string {
  return oneOf(rng, [
    () => 'Eine Übermittlung in Drittländer findet nicht statt.',
    () => 'Eine Datenübermittlung in Länder außerhalb der EU bzw. des EWR erfolgt nicht.',
    () => 'Die Daten verlassen den Europäischen Wirtschaftsraum nicht.',
    () => 'Eine Weitergabe an Drittstaaten außerhalb der Europäischen Union ist ausgeschlossen.',
    () => 'Es erfolgt keine Übermittlung personenbezogener Daten in ein Drittland.',
  ]);
}

function locationSentence(f: VendorFact, rng: Rng): string {
  const loc = f.location;
  if (!loc) return '';
  const where = loc.place ? `in ${loc.place}` : inCountry(loc.country, rng);
  const full = loc.place ? `in ${loc.place} (${countryDe(loc.country)})` : where;
  return oneOf(rng, [
    () => `Die Server befinden sich ${where}.`,
    () => `Die Datenverarbeitung findet ${f.transfer ? '' : 'ausschließlich '}in Rechenzentren ${full} statt.`,
    () => `Die Daten werden auf Servern ${full} gespeichert.`,
    () => `Serverstandort: ${loc.place ?? countryDe(loc.country)}.`,
  ]);
}

function subProcessorSentence(f: VendorFact, rng: Rng): string {
  const sp = f.subProcessor;
  if (!sp) return '';
  const where = sp.place ? `in ${sp.place}` : inCountry(sp.country, rng);
  return oneOf(rng, [
    () => `${f.vendor.brand} setzt seinerseits die ${sp.entity.name} als Unterauftragsverarbeiter ein; die Daten werden dabei in Rechenzentren ${where} gespeichert.`,
    () => `Die Daten werden in Rechenzentren von ${sp.brand} ${where} verarbeitet.`,
    () => `Für den Betrieb der Plattform nutzt der Anbieter die Infrastruktur von ${sp.brand} (${sp.entity.name}) ${where}.`,
    () => `Als Subunternehmer kommt ${sp.brand} zum Einsatz (Serverstandort: ${sp.place ?? countryDe(sp.country)}).`,
  ]);
}

function legalBasisSentence(f: VendorFact, ctx: DocContext, rng: Rng): string {
  const law = f.terminalAccess ? terminalLaw(ctx) : null;
  const interest = rng.pick(GROUPS[group(f)].interest);
  const parts = f.legalBases.map((b: LegalBasis) => {
    switch (b) {
      case 'consent':
        return oneOf(rng, [
          () => `Die Verarbeitung erfolgt nur mit Ihrer Einwilligung gemäß Art. 6 Abs. 1 lit. a DSGVO${law ? ` und ${law}` : ''}; die Einwilligung können Sie jederzeit mit Wirkung für die Zukunft widerrufen.`,
          () => `Rechtsgrundlage ist Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO${law ? `, ${law}` : ''}), die Sie über unser Cookie-Banner erteilen und jederzeit widerrufen können.`,
          () => `Wir setzen den Dienst nur ein, wenn Sie zuvor eingewilligt haben (Art. 6 Abs. 1 lit. a DSGVO${law ? ` i. V. m. ${law}` : ''}).`,
        ]);
      case 'legitimate':
        return oneOf(rng, [
          () => `Rechtsgrundlage ist unser berechtigtes Interesse an ${interest} (Art. 6 Abs. 1 lit. f DSGVO).`,
          () => `Die Verarbeitung beruht auf Art. 6 Abs. 1 lit. f DSGVO; unser berechtigtes Interesse liegt in ${interest}.`,
          () => `Wir stützen die Verarbeitung auf Art. 6 Abs. 1 lit. f DSGVO.`,
        ]);
      case 'contract':
        return oneOf(rng, [
          () => 'Rechtsgrundlage ist Art. 6 Abs. 1 lit. b DSGVO, da die Verarbeitung zur Erfüllung eines Vertrags oder zur Durchführung vorvertraglicher Maßnahmen erforderlich ist.',
          () => 'Die Verarbeitung ist für die Vertragserfüllung erforderlich (Art. 6 Abs. 1 lit. b DSGVO).',
        ]);
      case 'legal_obligation':
        return `Die Einholung der Einwilligung ist gesetzlich vorgeschrieben${law ? ` (${law})` : ''}; Rechtsgrundlage der Verarbeitung ist daher Art. 6 Abs. 1 lit. c DSGVO.`;
      case 'employment':
        return rng.chance(0.5)
          ? 'Rechtsgrundlage ist § 26 BDSG in Verbindung mit Art. 88 DSGVO (Anbahnung eines Beschäftigungsverhältnisses).'
          : 'Die Verarbeitung erfolgt auf Grundlage von Art. 6 Abs. 1 lit. b DSGVO und § 26 Abs. 1 BDSG.';
    }
  });
  return parts.join(' ');
}

function retentionSentence(f: VendorFact, rng: Rng): string {
  return oneOf(rng, [
    () => 'Die Daten werden gelöscht, sobald sie für den Zweck ihrer Erhebung nicht mehr erforderlich sind.',
    () => `Die Speicherdauer beträgt ${rng.pick([2, 3, 6, 12, 14, 24, 26])} Monate.`,
    () => `Cookies von ${f.vendor.brand} haben eine Lebensdauer von bis zu ${rng.pick([6, 12, 13, 24])} Monaten.`,
    () => 'Nach Ablauf der gesetzlichen Aufbewahrungsfristen werden die Daten gelöscht.',
    () => 'Wir speichern die Daten nur so lange, wie es für die genannten Zwecke erforderlich ist.',
  ]);
}

function furtherInfoSentence(f: VendorFact, rng: Rng): string {
  return oneOf(rng, [
    () => `Weitere Informationen finden Sie in der Datenschutzerklärung von ${f.vendor.brand}.`,
    () => 'Einzelheiten zur Datenverarbeitung entnehmen Sie bitte den Datenschutzhinweisen des Anbieters.',
    () => `Mehr zum Umgang mit Nutzerdaten erfahren Sie in den Datenschutzbestimmungen von ${f.vendor.brand}.`,
    () => `Informationen zum Datenschutz bei ${f.vendor.brand} stellt der Anbieter auf seiner Website bereit.`,
  ]);
}

function vendorBody(f: VendorFact, ctx: DocContext, rng: Rng): string[] {
  const g = GROUPS[group(f)];
  const describe = rng.chance(0.6);
  const intro = sentences(
    describe ? rng.pick(g.what)(f.vendor.brand) : null,
    providerIntro(f, !describe, rng),
    rng.chance(0.7) ? `Dabei werden insbesondere folgende Daten verarbeitet: ${rng.pick(g.data)}.` : null,
  );
  const legal = sentences(roleSentence(f, rng), legalBasisSentence(f, ctx, rng));
  const whereParts = rng.shuffle([
    transferSentences(f, rng),
    f.deniesTransfer ? negationSentence(rng) : '',
    locationSentence(f, rng),
    subProcessorSentence(f, rng),
  ]);
  const where = sentences(...whereParts);
  const tail = sentences(rng.chance(0.6) ? retentionSentence(f, rng) : null, rng.chance(0.5) ? furtherInfoSentence(f, rng) : null);
  const paragraphs = rng.chance(0.3) ? [sentences(intro, legal), sentences(where, tail)] : [intro, legal, where, tail];
  return [...paragraphs, ...extraParagraphs(f, ctx, rng)].filter((p) => p.length > 0);
}

/** Explanations verbose policies add per service; how many depends on the document's verbosity. */
function extraParagraphs(f: VendorFact, ctx: DocContext, rng: Rng): string[] {
  const b = f.vendor.brand;
  const g = GROUPS[group(f)];
  const extras = [
    () => sentences(
      `Wir verarbeiten die Daten ausschließlich für ${rng.pick(g.purpose)}.`,
      'Eine Zusammenführung mit anderen Datenquellen nehmen wir nicht vor.',
      rng.chance(0.5) ? 'Eine automatisierte Entscheidungsfindung findet nicht statt.' : null,
    ),
    () => `Im Einzelnen können folgende Datenkategorien betroffen sein:\n${rng.pick(g.data).split(/, | sowie |(?<!-) und /).map((d) => `- ${d}`).join('\n')}`,
    () => sentences(
      f.legalBases.includes('consent')
        ? `Sie können die Erfassung durch ${b} verhindern, indem Sie Ihre Einwilligung über die Cookie-Einstellungen widerrufen.`
        : `Sie können der Verarbeitung durch ${b} jederzeit widersprechen, soweit sie auf unserem berechtigten Interesse beruht.`,
      'Bereits gesetzte Cookies lassen sich zudem jederzeit in den Einstellungen Ihres Browsers löschen.',
    ),
    () => sentences(
      `Empfänger der Daten ist die ${f.contracting.name}.`,
      'Ein Zugriff durch andere Stellen erfolgt nur, soweit dies gesetzlich vorgeschrieben ist oder Sie eingewilligt haben.',
    ),
    () => `Die Bereitstellung Ihrer Daten ist weder gesetzlich noch vertraglich vorgeschrieben; ohne diese Daten können Sie ${b} jedoch nicht oder nur eingeschränkt nutzen.`,
  ];
  return extras.filter(() => rng.chance(ctx.verbosity)).map((e) => e());
}

function rightsBody(_ctx: DocContext, rng: Rng): string[] {
  const rights = [
    ['Auskunft über Ihre bei uns gespeicherten Daten (Art. 15 DSGVO)', 'Recht auf Auskunft (Art. 15 DSGVO)'],
    ['Berichtigung unrichtiger Daten (Art. 16 DSGVO)', 'Recht auf Berichtigung (Art. 16 DSGVO)'],
    ['Löschung Ihrer Daten (Art. 17 DSGVO)', 'Recht auf Löschung („Recht auf Vergessenwerden“, Art. 17 DSGVO)'],
    ['Einschränkung der Verarbeitung (Art. 18 DSGVO)', 'Recht auf Einschränkung der Verarbeitung (Art. 18 DSGVO)'],
    ['Datenübertragbarkeit (Art. 20 DSGVO)', 'Recht auf Datenübertragbarkeit (Art. 20 DSGVO)'],
    ['Widerspruch gegen die Verarbeitung (Art. 21 DSGVO)', 'Widerspruchsrecht (Art. 21 DSGVO)'],
  ].map((r) => rng.pick(r));
  const lead = oneOf(rng, [
    () => 'Ihnen stehen uns gegenüber folgende Rechte hinsichtlich Ihrer personenbezogenen Daten zu:',
    () => 'Als betroffene Person haben Sie nach der DSGVO insbesondere folgende Rechte:',
    () => 'Sie haben jederzeit das Recht auf',
  ]);
  const list = rng.chance(0.6) ? rights.map((r) => `- ${r}`).join('\n') : `${joinList(rights, 'sowie')}.`;
  const close = oneOf(rng, [
    () => 'Zur Ausübung Ihrer Rechte genügt eine formlose Mitteilung an die oben genannten Kontaktdaten.',
    () => 'Wenden Sie sich hierzu bitte an uns; wir beantworten Ihre Anfrage in der Regel innerhalb eines Monats.',
    () => 'Eine erteilte Einwilligung können Sie jederzeit mit Wirkung für die Zukunft widerrufen. Die Rechtmäßigkeit der bis zum Widerruf erfolgten Verarbeitung bleibt davon unberührt.',
  ]);
  return [lead.endsWith(':') ? `${lead}\n${list}` : `${lead} ${list}`, close];
}

const BOILERPLATE: readonly Boilerplate[] = [
  {
    id: 'general',
    heading: (rng) => rng.pick(['Allgemeine Hinweise', 'Datenschutz auf einen Blick', 'Allgemeines zur Datenverarbeitung']),
    body: (ctx, rng) => [
      sentences(
        oneOf(rng, [
          () => 'Personenbezogene Daten sind alle Informationen, mit denen Sie persönlich identifiziert werden können.',
          () => 'Unter personenbezogenen Daten verstehen wir alle Angaben, die sich auf eine identifizierte oder identifizierbare natürliche Person beziehen.',
        ]),
        oneOf(rng, [
          () => `Die ${ctx.controller.shortName} verarbeitet solche Daten nur, soweit dies zur Bereitstellung einer funktionsfähigen Website sowie unserer Inhalte und Leistungen erforderlich ist.`,
          () => 'Wir verarbeiten Ihre Daten grundsätzlich nur, wenn eine gesetzliche Erlaubnis besteht oder Sie eingewilligt haben.',
        ]),
      ),
      oneOf(rng, [
        () => 'Wir weisen darauf hin, dass die Datenübertragung im Internet (z. B. bei der Kommunikation per E-Mail) Sicherheitslücken aufweisen kann. Ein lückenloser Schutz der Daten vor dem Zugriff durch Dritte ist nicht möglich.',
        () => 'Die Nutzung unserer Website ist in der Regel ohne Angabe personenbezogener Daten möglich. Soweit auf unseren Seiten Daten erhoben werden, geschieht dies stets auf freiwilliger Basis, soweit nicht anders angegeben.',
      ]),
    ],
  },
  {
    id: 'definitions',
    heading: (rng) => rng.pick(['Begriffsbestimmungen', 'Begriffe', 'Maßgebliche Begriffe']),
    body: (_ctx, rng) => {
      const items = [
        '„Personenbezogene Daten“ sind alle Informationen, die sich auf eine identifizierte oder identifizierbare natürliche Person beziehen.',
        '„Verarbeitung“ ist jeder mit oder ohne Hilfe automatisierter Verfahren ausgeführte Vorgang im Zusammenhang mit personenbezogenen Daten, etwa das Erheben, Speichern, Verändern, Übermitteln oder Löschen.',
        '„Verantwortlicher“ ist die Stelle, die allein oder gemeinsam mit anderen über die Zwecke und Mittel der Verarbeitung entscheidet.',
        '„Auftragsverarbeiter“ ist eine Stelle, die personenbezogene Daten im Auftrag des Verantwortlichen verarbeitet.',
        '„Empfänger“ ist jede Stelle, der personenbezogene Daten offengelegt werden, unabhängig davon, ob es sich um einen Dritten handelt.',
        '„Drittland“ ist jeder Staat außerhalb der Europäischen Union und des Europäischen Wirtschaftsraums.',
        '„Einwilligung“ ist jede freiwillig, für den bestimmten Fall, in informierter Weise und unmissverständlich abgegebene Willensbekundung.',
        '„Pseudonymisierung“ bezeichnet die Verarbeitung in einer Weise, dass die Daten ohne Hinzuziehung zusätzlicher Informationen nicht mehr einer bestimmten Person zugeordnet werden können.',
      ];
      return [oneOf(rng, [() => 'Diese Datenschutzerklärung verwendet die Begriffe der DSGVO. Insbesondere gilt:', () => 'Zum besseren Verständnis erläutern wir vorab einige Begriffe:']), rng.shuffle(items).slice(0, rng.int(4, items.length)).map((i) => `- ${i}`).join('\n')];
    },
  },
  {
    id: 'legal-bases',
    heading: (rng) => rng.pick(['Rechtsgrundlagen der Verarbeitung', 'Rechtsgrundlagen', 'Auf welcher Grundlage wir Daten verarbeiten']),
    body: (_ctx, rng) => [
      oneOf(rng, [() => 'Wir verarbeiten personenbezogene Daten auf Grundlage der folgenden Vorschriften:', () => 'Maßgebliche Rechtsgrundlagen nach der DSGVO sind:']),
      [
        'Art. 6 Abs. 1 lit. a DSGVO – Einwilligung der betroffenen Person',
        'Art. 6 Abs. 1 lit. b DSGVO – Erfüllung eines Vertrags oder vorvertraglicher Maßnahmen',
        'Art. 6 Abs. 1 lit. c DSGVO – Erfüllung einer rechtlichen Verpflichtung',
        'Art. 6 Abs. 1 lit. f DSGVO – Wahrung berechtigter Interessen',
      ].map((l) => `- ${l}`).join('\n'),
      oneOf(rng, [
        () => 'Soweit im Folgenden nicht ausdrücklich anders angegeben, richtet sich die Rechtsgrundlage nach diesen Bestimmungen.',
        () => 'Bei besonderen Kategorien personenbezogener Daten (Art. 9 DSGVO) holen wir stets Ihre ausdrückliche Einwilligung ein.',
      ]),
    ],
  },
  {
    id: 'logfiles',
    heading: (rng) => rng.pick(['Server-Logfiles', 'Zugriffsdaten und Server-Logfiles', 'Bereitstellung der Website und Erstellung von Logfiles']),
    body: (_ctx, rng) => [
      sentences(
        oneOf(rng, [
          () => 'Bei jedem Aufruf unserer Website erfasst unser System automatisiert Daten und Informationen vom Computersystem des aufrufenden Rechners.',
          () => 'Der Provider der Seiten erhebt und speichert automatisch Informationen in sogenannten Server-Logfiles, die Ihr Browser automatisch an uns übermittelt.',
        ]),
        `Dies sind: ${joinList(rng.shuffle(['Browsertyp und -version', 'verwendetes Betriebssystem', 'Referrer-URL', 'Hostname des zugreifenden Rechners', 'Uhrzeit der Serveranfrage', 'IP-Adresse']).slice(0, rng.int(4, 6)), 'und')}.`,
      ),
      sentences(
        'Eine Zusammenführung dieser Daten mit anderen Datenquellen wird nicht vorgenommen.',
        `Die Logfiles werden nach ${rng.pick([7, 14, 30, 60])} Tagen gelöscht.`,
        'Rechtsgrundlage ist Art. 6 Abs. 1 lit. f DSGVO; unser berechtigtes Interesse liegt in der technisch fehlerfreien Darstellung und der Sicherheit unserer Website.',
      ),
    ],
  },
  {
    id: 'tls',
    heading: (rng) => rng.pick(['SSL- bzw. TLS-Verschlüsselung', 'Verschlüsselung', 'TLS-Verschlüsselung']),
    body: (_ctx, rng) => [sentences(
      'Diese Seite nutzt aus Sicherheitsgründen und zum Schutz der Übertragung vertraulicher Inhalte eine TLS-Verschlüsselung.',
      oneOf(rng, [
        () => 'Eine verschlüsselte Verbindung erkennen Sie daran, dass die Adresszeile des Browsers von „http://“ auf „https://“ wechselt und an dem Schloss-Symbol in Ihrer Browserzeile.',
        () => 'Wenn die Verschlüsselung aktiviert ist, können die Daten, die Sie an uns übermitteln, nicht von Dritten mitgelesen werden.',
      ]),
    )],
  },
  {
    id: 'cookies',
    heading: (rng) => rng.pick(['Cookies', 'Einsatz von Cookies', 'Cookies und ähnliche Technologien']),
    body: (ctx, rng) => [
      sentences(
        'Unsere Internetseiten verwenden sogenannte Cookies. Cookies sind kleine Textdateien, die auf Ihrem Endgerät abgelegt werden.',
        oneOf(rng, [
          () => 'Sie richten keinen Schaden an und enthalten keine Viren.',
          () => 'Einige Cookies sind technisch notwendig, andere dienen der Analyse oder der Anzeige personalisierter Inhalte.',
        ]),
      ),
      sentences(
        `Technisch notwendige Cookies setzen wir auf Grundlage von Art. 6 Abs. 1 lit. f DSGVO${terminalLaw(ctx) ? ` und ${terminalLaw(ctx)?.replace('Abs. 1', 'Abs. 2 Nr. 2')}` : ''} ein.`,
        'Alle übrigen Cookies werden nur mit Ihrer Einwilligung gespeichert.',
        oneOf(rng, [
          () => 'Sie können Ihren Browser so einstellen, dass Sie über das Setzen von Cookies informiert werden und Cookies nur im Einzelfall erlauben.',
          () => 'Ihre Auswahl können Sie jederzeit über die Cookie-Einstellungen im Fußbereich unserer Website ändern.',
        ]),
      ),
    ],
  },
  {
    id: 'contact',
    heading: (rng) => rng.pick(['Kontaktaufnahme', 'Anfrage per E-Mail, Telefon oder Kontaktformular', 'Kontaktformular']),
    body: (_ctx, rng) => [sentences(
      oneOf(rng, [
        () => 'Wenn Sie uns per Kontaktformular Anfragen zukommen lassen, werden Ihre Angaben aus dem Formular inklusive der von Ihnen dort angegebenen Kontaktdaten zwecks Bearbeitung der Anfrage bei uns gespeichert.',
        () => 'Kontaktieren Sie uns per E-Mail oder Telefon, speichern wir Ihre Anfrage einschließlich aller daraus hervorgehenden personenbezogenen Daten zum Zwecke der Bearbeitung.',
      ]),
      'Diese Daten geben wir nicht ohne Ihre Einwilligung weiter.',
      'Die Verarbeitung erfolgt auf Grundlage von Art. 6 Abs. 1 lit. b DSGVO, sofern Ihre Anfrage mit der Erfüllung eines Vertrags zusammenhängt; in allen übrigen Fällen auf Grundlage unseres berechtigten Interesses an der effektiven Bearbeitung der an uns gerichteten Anfragen (Art. 6 Abs. 1 lit. f DSGVO).',
    )],
  },
  {
    id: 'applications',
    heading: (rng) => rng.pick(['Bewerbungen', 'Datenschutz im Bewerbungsverfahren', 'Umgang mit Bewerberdaten']),
    body: (_ctx, rng) => [sentences(
      'Wir verarbeiten die Daten, die Sie uns im Rahmen Ihrer Bewerbung übermitteln, zur Durchführung des Bewerbungsverfahrens.',
      'Rechtsgrundlage ist § 26 BDSG bzw. Art. 6 Abs. 1 lit. b DSGVO.',
      oneOf(rng, [
        () => `Kommt kein Beschäftigungsverhältnis zustande, löschen wir Ihre Unterlagen spätestens ${rng.pick([4, 6])} Monate nach Abschluss des Verfahrens.`,
        () => 'Mit Ihrer Einwilligung nehmen wir Ihre Bewerbung in unseren Talent-Pool auf; die Einwilligung können Sie jederzeit widerrufen.',
      ]),
    )],
  },
  {
    id: 'account',
    heading: (rng) => rng.pick(['Registrierung und Kundenkonto', 'Kundenkonto', 'Registrierung auf dieser Website']),
    body: (_ctx, rng) => [sentences(
      'Sie können sich auf unserer Website registrieren, um zusätzliche Funktionen zu nutzen.',
      'Die dazu eingegebenen Daten verwenden wir nur zum Zwecke der Nutzung des jeweiligen Angebots, für das Sie sich registriert haben.',
      oneOf(rng, [
        () => 'Die Pflichtangaben bei der Registrierung müssen vollständig angegeben werden, anderenfalls werden wir die Registrierung ablehnen.',
        () => 'Ihr Kundenkonto können Sie jederzeit löschen lassen; gesetzliche Aufbewahrungsfristen bleiben unberührt.',
      ]),
    )],
  },
  {
    id: 'orders',
    heading: (rng) => rng.pick(['Vertragsabwicklung', 'Bestellungen', 'Datenverarbeitung bei Vertragsschluss']),
    body: (_ctx, rng) => [sentences(
      'Wir erheben, verarbeiten und nutzen personenbezogene Daten nur, soweit sie für die Begründung, inhaltliche Ausgestaltung oder Änderung des Rechtsverhältnisses erforderlich sind.',
      oneOf(rng, [
        () => 'Eine Weitergabe erfolgt nur, soweit dies zur Vertragsabwicklung notwendig ist, etwa an das mit der Lieferung beauftragte Transportunternehmen.',
        () => 'Handels- und steuerrechtliche Aufbewahrungsfristen von sechs bzw. zehn Jahren (§ 257 HGB, § 147 AO) bleiben unberührt.',
      ]),
    )],
  },
  {
    id: 'retention',
    heading: (rng) => rng.pick(['Speicherdauer', 'Dauer der Speicherung', 'Löschung und Speicherdauer']),
    body: (_ctx, rng) => [sentences(
      oneOf(rng, [
        () => 'Soweit innerhalb dieser Datenschutzerklärung keine speziellere Speicherdauer genannt wurde, verbleiben Ihre Daten bei uns, bis der Zweck für die Datenverarbeitung entfällt.',
        () => 'Wir löschen personenbezogene Daten, sobald der Zweck der Speicherung entfällt.',
      ]),
      'Eine Speicherung kann darüber hinaus erfolgen, wenn dies durch den europäischen oder nationalen Gesetzgeber vorgesehen wurde.',
      'In diesem Fall werden die Daten nach Ablauf der vorgeschriebenen Fristen gesperrt bzw. gelöscht.',
    )],
  },
  {
    id: 'security',
    heading: (rng) => rng.pick(['Datensicherheit', 'Sicherheit Ihrer Daten', 'Technische und organisatorische Maßnahmen']),
    body: (_ctx, rng) => [sentences(
      'Wir treffen nach Maßgabe des Art. 32 DSGVO geeignete technische und organisatorische Maßnahmen, um ein dem Risiko angemessenes Schutzniveau zu gewährleisten.',
      `Dazu gehören insbesondere ${joinList(rng.shuffle(['die Verschlüsselung von Datenträgern', 'Zugriffskontrollen nach dem Need-to-know-Prinzip', 'regelmäßige Datensicherungen', 'die Protokollierung von Zugriffen', 'die Schulung unserer Mitarbeitenden', 'Firewalls und Virenschutz']).slice(0, 4), 'sowie')}.`,
      'Unsere Sicherheitsmaßnahmen werden entsprechend der technologischen Entwicklung fortlaufend verbessert.',
    )],
  },
  {
    id: 'recipients',
    heading: (rng) => rng.pick(['Empfänger personenbezogener Daten', 'Weitergabe von Daten', 'Kategorien von Empfängern']),
    body: (_ctx, rng) => [sentences(
      'Eine Übermittlung Ihrer Daten an Dritte findet grundsätzlich nur statt, wenn Sie eingewilligt haben, dies zur Vertragserfüllung erforderlich ist oder eine gesetzliche Verpflichtung besteht.',
      oneOf(rng, [
        () => 'Empfänger können insbesondere IT-Dienstleister, Steuerberater, Banken sowie Behörden im Rahmen ihrer Zuständigkeit sein.',
        () => 'Soweit wir Dienstleister einsetzen, werden diese sorgfältig ausgewählt und vertraglich zur Einhaltung des Datenschutzes verpflichtet.',
      ]),
    )],
  },
  {
    id: 'automated',
    heading: (rng) => rng.pick(['Automatisierte Entscheidungsfindung', 'Profiling und automatisierte Entscheidungen']),
    body: (_ctx, rng) => [oneOf(rng, [
      () => 'Eine automatisierte Entscheidungsfindung einschließlich Profiling im Sinne von Art. 22 DSGVO findet nicht statt.',
      () => 'Wir nutzen keine rein automatisierten Verarbeitungsprozesse zur Herbeiführung einer Entscheidung, die Ihnen gegenüber rechtliche Wirkung entfaltet.',
    ])],
  },
  {
    id: 'objection',
    heading: (rng) => rng.pick(['Widerspruchsrecht nach Art. 21 DSGVO', 'Ihr Widerspruchsrecht', 'Widerspruch gegen die Datenverarbeitung']),
    body: (_ctx, rng) => [
      sentences(
        'Wenn die Datenverarbeitung auf Grundlage von Art. 6 Abs. 1 lit. e oder f DSGVO erfolgt, haben Sie jederzeit das Recht, aus Gründen, die sich aus Ihrer besonderen Situation ergeben, gegen die Verarbeitung Widerspruch einzulegen.',
        'Wenn Sie Widerspruch einlegen, werden wir Ihre Daten nicht mehr verarbeiten, es sei denn, wir können zwingende schutzwürdige Gründe nachweisen, die Ihre Interessen überwiegen.',
      ),
      oneOf(rng, [
        () => 'Werden Ihre Daten verarbeitet, um Direktwerbung zu betreiben, können Sie der Verarbeitung jederzeit ohne Angabe von Gründen widersprechen.',
        () => 'Der Widerspruch kann formlos erfolgen und ist an die im Abschnitt zum Verantwortlichen genannten Kontaktdaten zu richten.',
      ]),
    ],
  },
  {
    id: 'obligation',
    heading: (rng) => rng.pick(['Pflicht zur Bereitstellung von Daten', 'Bereitstellung Ihrer Daten']),
    body: (_ctx, rng) => [sentences(
      'Die Bereitstellung personenbezogener Daten ist teilweise gesetzlich vorgeschrieben oder kann sich aus vertraglichen Regelungen ergeben.',
      oneOf(rng, [
        () => 'Für einen Vertragsschluss kann es erforderlich sein, dass Sie uns Daten zur Verfügung stellen; ohne diese Daten kann der Vertrag nicht geschlossen werden.',
        () => 'Eine Nichtbereitstellung hätte zur Folge, dass wir Ihre Anfrage nicht bearbeiten können.',
      ]),
    )],
  },
  {
    id: 'changes',
    heading: (rng) => rng.pick(['Änderungen dieser Datenschutzerklärung', 'Aktualität und Änderung dieser Datenschutzerklärung']),
    body: (_ctx, rng) => [sentences(
      'Wir behalten uns vor, diese Datenschutzerklärung anzupassen, damit sie stets den aktuellen rechtlichen Anforderungen entspricht oder um Änderungen unserer Leistungen umzusetzen.',
      oneOf(rng, [
        () => 'Für Ihren erneuten Besuch gilt dann die neue Datenschutzerklärung.',
        () => 'Die jeweils aktuelle Fassung finden Sie stets auf dieser Seite.',
      ]),
    )],
  },
];

export const GERMAN: Phrasebook = {
  language: 'de',
  title: (rng) => rng.pick(['Datenschutzerklärung', 'Datenschutzhinweise', 'Informationen zum Datenschutz', 'Datenschutzinformationen gemäß Art. 13 DSGVO', 'Datenschutz']),
  intro: (ctx, rng) => [oneOf(rng, [
    () => `Wir, die ${ctx.controller.name}, freuen uns über Ihr Interesse an unserem Unternehmen. Der Schutz Ihrer personenbezogenen Daten ist uns ein besonderes Anliegen.`,
    () => 'Mit dieser Datenschutzerklärung informieren wir Sie über Art, Umfang und Zweck der Verarbeitung personenbezogener Daten auf unserer Website und in unseren Geschäftsprozessen.',
    () => `Nachfolgend informieren wir Sie gemäß Art. 13 und 14 DSGVO darüber, welche personenbezogenen Daten die ${ctx.controller.shortName} verarbeitet und welche Rechte Ihnen zustehen.`,
    () => `Diese Hinweise gelten für die Website ${ctx.controller.domain} sowie für alle Dienste, die wir im Zusammenhang damit anbieten.`,
  ])],
  controllerHeading: (rng) => rng.pick(['Verantwortlicher', 'Name und Anschrift des Verantwortlichen', 'Verantwortliche Stelle', 'Wer ist für die Datenverarbeitung verantwortlich?', 'Hinweis zur verantwortlichen Stelle']),
  controllerBody: (ctx, rng) => {
    const c = ctx.controller;
    const lead = oneOf(rng, [
      () => 'Verantwortlicher im Sinne der Datenschutz-Grundverordnung ist:',
      () => 'Die verantwortliche Stelle für die Datenverarbeitung auf dieser Website ist:',
      () => 'Verantwortlich für die Verarbeitung Ihrer Daten ist:',
    ]);
    const managers = c.managers.map(personName);
    const block = [
      c.name, c.street, `${c.postcode} ${c.city}`, rng.chance(0.4) ? 'Deutschland' : null,
      '', `Telefon: ${c.phone}`, `E-Mail: ${c.email}`,
      rng.chance(0.7) ? `${managers.length > 1 ? 'Vertreten durch die Geschäftsführer' : 'Vertreten durch'}: ${joinList(managers, 'und')}` : null,
    ].filter((l): l is string => l !== null).join('\n');
    return [lead, block, oneOf(rng, [
      () => 'Verantwortliche Stelle ist die natürliche oder juristische Person, die allein oder gemeinsam mit anderen über die Zwecke und Mittel der Verarbeitung von personenbezogenen Daten entscheidet.',
      () => `Im Folgenden bezeichnen wir uns als „wir“ oder „${c.shortName}“.`,
    ])];
  },
  dpoHeading: (rng) => rng.pick(['Datenschutzbeauftragter', 'Kontakt zum Datenschutzbeauftragten', 'Unser Datenschutzbeauftragter']),
  dpoBody: (ctx, rng) => {
    const d = ctx.dpo;
    if (!d) return [];
    const who = d.firm ? `${personName(d.person)}\n${d.firm}` : personName(d.person);
    return [
      oneOf(rng, [
        () => 'Wir haben einen externen Datenschutzbeauftragten benannt. Sie erreichen ihn unter:',
        () => 'Unseren Datenschutzbeauftragten erreichen Sie wie folgt:',
        () => 'Bei Fragen zum Datenschutz wenden Sie sich bitte an unseren Datenschutzbeauftragten:',
      ]),
      `${who}\nE-Mail: ${d.email}`,
    ];
  },
  groupHeading: (g, rng) => rng.pick(GROUPS[g].heading),
  vendorHeading: (f, rng) => oneOf(rng, [
    () => f.service,
    () => `Einsatz von ${f.service}`,
    () => `Nutzung von ${f.service}`,
    () => `Verwendung von ${f.service}`,
    () => `${f.service} (${f.vendor.brand === f.service ? f.contracting.name : f.vendor.brand})`,
  ]),
  vendorBody,
  policyWideHeading: (rng) => rng.pick(['Übermittlung in Drittländer', 'Datenübermittlung in Drittstaaten', 'Hinweis zur Datenweitergabe in Drittländer', 'Datenverarbeitung außerhalb der EU']),
  policyWideBody: (mechs, _ctx, rng) => {
    const gen = joinList(mechs.map((m) => rng.pick(MECH_GEN[m])), 'bzw.');
    return [
      oneOf(rng, [
        () => 'Wir setzen unter anderem Dienste ein, deren Anbieter ihren Sitz in Drittländern außerhalb der EU bzw. des EWR haben oder dort Daten verarbeiten.',
        () => 'Einige der in dieser Datenschutzerklärung genannten Dienstleister sitzen in sogenannten Drittstaaten, insbesondere in den USA.',
        () => 'Soweit wir Daten in ein Drittland übermitteln oder dies im Rahmen der Nutzung von Diensten Dritter geschieht, erfolgt dies nur unter den Voraussetzungen der Art. 44 ff. DSGVO.',
      ]),
      sentences(
        oneOf(rng, [
          () => `Sofern bei den einzelnen Diensten nicht anders angegeben, erfolgt die Übermittlung auf Grundlage ${gen}.`,
          () => `Soweit nichts anderes angegeben ist, stützen wir Übermittlungen in Drittländer auf ${joinList(mechs.map((m) => rng.pick(MECH_NOM[m])), 'bzw.').replace(/^ein /, 'einen ')}.`,
        ]),
        mechs.includes('DPF') ? 'Für US-Anbieter, die nach dem EU-US Data Privacy Framework zertifiziert sind, besteht ein Angemessenheitsbeschluss der EU-Kommission.' : null,
        rng.chance(0.5) ? 'Eine Kopie der jeweiligen Garantien stellen wir Ihnen auf Anfrage zur Verfügung.' : null,
      ),
    ];
  },
  rightsHeading: (rng) => rng.pick(['Ihre Rechte', 'Rechte der betroffenen Personen', 'Ihre Rechte als betroffene Person', 'Betroffenenrechte']),
  rightsBody,
  complaintHeading: (rng) => rng.pick(['Beschwerderecht bei der Aufsichtsbehörde', 'Beschwerderecht bei der zuständigen Aufsichtsbehörde', 'Recht auf Beschwerde']),
  complaintBody: (ctx, rng) => [sentences(
    oneOf(rng, [
      () => 'Im Falle von Verstößen gegen die DSGVO steht Ihnen ein Beschwerderecht bei einer Aufsichtsbehörde zu, insbesondere in dem Mitgliedstaat Ihres gewöhnlichen Aufenthalts, Ihres Arbeitsplatzes oder des Orts des mutmaßlichen Verstoßes (Art. 77 DSGVO).',
      () => 'Sie haben das Recht, sich bei einer Datenschutz-Aufsichtsbehörde über die Verarbeitung Ihrer personenbezogenen Daten durch uns zu beschweren.',
    ]),
    rng.chance(0.7) ? `Die für uns zuständige Aufsichtsbehörde ist: ${ctx.authority.name}, ${ctx.authority.city}.` : null,
  )],
  stand: (ctx, rng) => {
    const { year, month, day } = ctx.date;
    return rng.chance(0.5) ? `Stand: ${MONTHS[month - 1]} ${year}` : `Stand: ${pad2(day)}.${pad2(month)}.${year}`;
  },
  boilerplate: BOILERPLATE,
};
