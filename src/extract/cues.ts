import type { Mechanism, Role } from './types.js';

// The phrasings German and English policies use for roles, transfers and their legal footing.
// Kept apart from the code that applies them, so a new phrasing is a new alternative here.
// Every pattern is a flat alternation with bounded gaps: no nested quantifiers, no backtracking blow-up.

export const ROLE_CUES: { role: Role; re: RegExp }[] = [
  {
    role: 'self_hosted',
    re: /\b(?:selbst|eigenen?|eigene[mn]?|unsere[mn]?|von uns angemieteten)\s+(?:\S+\s+)?(?:Servern?|Webservern?)\b|\beigenen (?:Rechenzentren|Infrastruktur)\b|\bauf (?:einem )?eigenen Server\b|\b(?:hosten|betreiben|betrieben) wir\b[^.]{0,80}\b(?:selbst|eigenen?|unsere[mn]?|angemietet)|\bwir (?:hosten|betreiben|betrieben) \S+(?: \S+){0,3} (?:selbst|ausschließlich auf|auf unsere|bei unserem Schwester)|\bselbst gehostet|\bself-hosted\b|\bon our own (?:servers?|infrastructure)\b|\bwe (?:host|run|operate) \S+(?: \S+){0,3} (?:ourselves|on our own)\b|\bauf unserem eigenen Webserver\b|\binstalliert haben und betreiben\b|\blokal (?:\S+ )?(?:eingebunden|installiert|gehostet|bereitgestellt|ausgeliefert|geladen|ein\b)|\b(?:hosted|served|installed|loaded) locally\b|\blocally (?:hosted|installed|served|loaded)\b/i,
  },
  {
    role: 'joint_controller',
    re: /\bgemeinsam(?:e|en)? (?:mit (?:\S+\s+){1,4})?[Vv]erantwortlich|\bgemeinsame[rn]? Verantwortung\b|\bgemeinsame Verantwortlichkeit|\bArt(?:ikel|\.)? ?26 (?:(?:Abs\.?|para\.?|paragraph) ?\d+ |\(\d\) ?)?(?:DSGVO|DS-GVO|GDPR)|\bjoint(?:ly)? controllers?\b|\bjoint controllership\b|\bjoint(?:ly)? responsib(?:le|ility)\b|\bjointly controlled\b/i,
  },
  {
    role: 'controller',
    re: /\b(?:stellt|ist) (?:für uns )?keine Auftragsverarbeitung|\bkeine Auftragsverarbeitung\b|\bnicht als (?:unser )?Auftragsverarbeiter|\beigenständig(?:e|er)? (?:datenschutzrechtlich )?[Vv]erantwortlich|\beigenständige Verantwortlichkeit|\bin eigener (?:datenschutzrechtlicher )?Verantwortung|\bbestimmt selbst über (?:die )?Zwecke?\b|\baußerhalb des Verantwortungsbereichs\b|\beigene[nr]? Verantwortliche[rn]?\b|\bindependent (?:data )?controllers?\b|\bas (?:an? )?(?:separate|independent) controllers?\b|\bnot (?:act )?as (?:our )?(?:data )?processor/i,
  },
  {
    role: 'processor',
    re: /Auftragsverarbeit|Auftragsdatenverarbeit|\bAVV\b|\bAV-Vertrag|\bArt\.? ?28 (?:Abs\. ?\d+ )?(?:DSGVO|DS-GVO|GDPR)|\bArtikel 28 (?:DSGVO|DS-GVO)|\bArt\. 28\(\d\)|\bin unserem Auftrag\b|\bim Auftrag (?:de[rs]|von|unseres|unserer) |\b(?:nach )?unseren? Weisungen\b|\bDatenverarbeitungs(?:vertr|zusatz|vereinbarung)|\bweisungsgebunden\b|\bUnterauftragnehmer|\bUnterauftragsverarbeiter|\b(?:data )?processors?\b|\bsub-?processors?\b|\bdata processing (?:agreement|addendum)\b|\bDPA\b|\bon our behalf\b|\bon behalf of (?:us|the (?:website )?operator|the controller)\b|\bon our instructions\b|\boutsourcing of (?:our |the )?data processing\b|\bacts? as (?:our )?(?:data )?processor\b/i,
  },
];

export const MECHANISM_CUES: { mechanism: Mechanism; re: RegExp }[] = [
  {
    mechanism: 'SCC',
    re: /Standard(?:vertrags|datenschutz|schutz)klauseln?|\bStandardverträge|\bStandard-?Vertragsklauseln|\bStandard(?:-| )?(?:Contractual|Data Protection) Clauses\b|\bSCCs?\b|\bModel Clauses\b|\bMusterklauseln|\bArt(?:ikel|\.)? ?46 (?:Abs\.? ?2 (?:lit\.? ?)?c|\(2\)\s?\(c\))/i,
  },
  // "EU-US Privacy Framework" is the DPF under a shortened name; the Privacy Shield is not (see PRIVACY_SHIELD)
  { mechanism: 'DPF', re: /\b(?:Data )?Privacy Framework\b|\bDPF\b|\bDatenschutzrahmen|dataprivacyframework\.gov/i },
  {
    mechanism: 'BCR',
    re: /\bBinding Corporate Rules\b|\bBCRs?\b|\bverbindliche[nr]? (?:unternehmensinterne[nr]?|interne[nr]?) (?:Datenschutz)?(?:vorschriften|Regeln|Regelungen)/i,
  },
  // the decision by name, its article, or what it finds: "ein angemessenes Datenschutzniveau festgestellt", "sicheres Drittland"
  {
    mechanism: 'ADEQUACY',
    re: /Angemessenheitsbeschl|\badequacy (?:decision|regulation|finding)|\bArt(?:ikel|\.)? ?45 (?:DSGVO|DS-GVO|GDPR|Abs|\()|\bangemessene[sn]? (?:Datenschutz|Schutz)niveau[^.;]{0,60}(?:festgestellt|bescheinigt|anerkannt)|\b(?:festgestellt|bescheinigt|anerkannt)[^.;]{0,40}angemessene[sn]? (?:Datenschutz|Schutz)niveau|\banerkannte[nm]? (?:Datenschutz|Schutz)niveau|\bsichere[sn]? Drittl(?:and|ändern?|andes)\b|\bsichere[nr]? Drittstaat|\b(?:deemed|recognised|recognized|found|considered|decided)\b[^.;]{0,60}\badequate (?:level of )?(?:data )?protection/i,
  },
  // the article, or the explicit consent to the transfer it names ("ausdrückliche Einwilligung in die Übermittlung in die USA")
  {
    mechanism: 'ART49',
    re: /\bArt(?:ikel|\.)? ?49 (?:Abs\.? ?1 )?(?:S(?:atz|\.) ?1 )?(?:lit\.? ?[a-g]|DSGVO|DS-GVO|GDPR|\(1\))|\bausdrückliche[nr]? Einwilligung\b[^.;]{0,80}(?:Übermittlung|Übertragung|Drittl|Drittstaat)|\b(?:explicit|express) consent\b[^.;]{0,60}(?:transfer|third countr)/i,
  },
  { mechanism: 'OTHER', re: /\b(?:sonstige[nr]?|andere[nr]?|weitere[nr]?) geeignete[nr]? Garantien|\bother (?:appropriate|suitable) safeguards\b/i },
];

/** A sentence that explains the term rather than stating a role: "Auftragsverarbeiter sind …", "a so-called data processor". */
export const ROLE_DEFINITION =
  /\b(?:so-called|sogenannte[nr]?|sog\.) ["„“]?(?:data )?(?:processors?|Auftragsverarbeiter[ns]?)\b|^["„“]?Auftragsverarbeiter["“]? (?:ist|sind|bezeichnet|meint)\b|^(?:An? |The )?["“]?(?:data )?processor["”]? (?:is|means)\b/i;

/** Link targets name paths, not roles: "…/legal/processors/…" is no processor cue. */
export const URL_TEXT = /\bhttps?:\/\/\S+|\bwww\.\S+|(?<![\w-])[\w-]{1,63}\.(?:com|de|org|net|io|eu)\/\S*/gi;

/** Someone else runs the service: an open-source tool so described is not self-hosted for want of a provider. */
export const OPERATED_BY_OTHERS =
  /\b(?:provided|operated|hosted|offered|run) by\b|\bservers? of\b|\bAnbieter (?:ist|dieses|des)\b|\b(?:betrieben|bereitgestellt|angeboten|gehostet) (?:von|durch)\b|\bServern? (?:der|des|von)\b/i;

/** "keine eigenen Server": the opposite of self-hosting. */
export const SELF_HOSTING_DENIED = /\bkeine[nr]? eigenen?\b|\bnot (?:run|host)\b/i;

/** Words that tell data leaves for somewhere. */
export const TRANSFER_VERB =
  /übermittel|übertrag|Übermittlung|Datenübertragung|Datentransfer|Drittlandtransfer|weitergeleitet|weitergegeben|transfer|gespeichert|verarbeitet|Verarbeitung|Server|Rechenzent|Zugriff|access|stored|processe[sd]|hosted|located|befinde|ansässig|sent to|flow|Standort|Speicherort|\blocation\b/i;

/** An unnamed third country. */
export const THIRD_COUNTRY =
  /\bDrittl(?:and|ändern?|andes)\b|\bDrittstaat(?:en|es)?\b|\baußerhalb (?:der |des )?(?:EU|EWR|Europäischen (?:Union|Wirtschaftsraums?)|Europas)\b|\baußerhalb des (?:Geltungs|Anwendungs)bereich(?:s|es) der (?:DSGVO|DS-GVO)|\bthird countr(?:y|ies)\b|\boutside (?:of )?(?:the )?(?:EU|EEA|European (?:Union|Economic Area)|Europe)\b|\bnon-(?:EU|EEA)\b/i;

/** A US destination named by a compound, not the country: "auf US-Servern", "Zugriff durch die US-Muttergesellschaft". */
export const US_COMPOUND = /\b(?:US|U\.S\.)-(?:Servern?|Rechenzentr\w*|Muttergesellschaft|Mutterunternehmen|Mutterkonzern\w*|Konzernmutter|Cloud\w*)|\b(?:US|U\.S\.)[- ](?:servers?|data cent(?:er|re)s?|parent(?: company)?)\b/i;

/** The EU-US Privacy Shield, invalid since July 2020: a US transfer resting on it has no mechanism. */
export const PRIVACY_SHIELD = /\bPrivacy[- ]Shield\b|\bDatenschutzschild\b/i;

/** A country named to be excluded, not as a destination: "in Länder außerhalb Kanadas", "outside Canada", "other than Japan". */
export const EXCLUDING_BEFORE = /\b(?:außerhalb(?: von)?|ausserhalb(?: von)?|ausgenommen|außer|outside(?: of)?|other than|except(?: for)?|beyond)\s+(?:der |des |dem |den |the )?$/i;

/** A destination given as one of alternatives ("in Europa oder den USA", "in the US or other countries"): may, not does. */
export const ALTERNATIVE_BEFORE = /\b(?:oder|or)\s+(?:in |nach |to )?(?:den |die |der |dem |the )?$/i;
export const ALTERNATIVE_AFTER = /^\s*(?:oder|or)\s/i;

/**
 * A condition on the transfer itself ("Sofern eine Übermittlung in Drittländer erfolgt", "in cases of transfer",
 * "selbst wenn die Daten in den USA gespeichert werden"): the clause up to its comma. Sentences whose
 * condition is something else ("Wenn Sie die Website besuchen, werden …") are not touched.
 */
export const CONDITION = /\b(?:sofern|soweit|falls|wenn|if|insofar as|in (?:the )?cases? (?:of|where)|in the event (?:of|that))\b[^,.;:]{0,100}|^Where\b[^,.;:]{0,100}/gi;
export const CONDITION_ON_TRANSFER = /übermittel|übertrag|Übermittlung|Übertragung|Datentransfer|Drittland|Drittländ|Drittstaat|außerhalb|transfer|third countr|outside|sent to|gespeichert|stored/i;

/** A sentence that explains an instrument rather than a transfer: "Der DPF ist ein Übereinkommen …", "Hierbei handelt es sich um …". */
export const DEFINITION =
  /^(?:Hierbei|Dabei|Es|Bei (?:de[mn]|diese[mn]|den) \S+) handelt es sich (?:hierbei |dabei )?um\b[^.]{0,80}(?:Vorschriften|Regeln|Klauseln|Übereinkommen|Abkommen|Vorlagen?|Mustervorlagen?|Instrument|Regelwerk)|^(?:Der|Das|Die|Diese[rs]?) (?:\S+ ){0,3}(?:ist|sind|stellen|stellt) (?:ein(?:e|en)?|von der EU-Kommission|von der Europäischen Kommission|die von der)\b[^.]{0,80}(?:Übereinkommen|Abkommen|Mustervorlage|Vertragsvorlage|Instrument|Regelwerk)|^Jede[sr]? (?:nach|unter) (?:dem|den) |^(?:The|These|This) (?:\S+ ){0,3}(?:is|are) (?:an?|the|model|standard) (?:\S+ ){0,4}(?:agreement|framework|templates?|instrument)\b|^(?:Standardvertragsklauseln|Standard contractual clauses|SCCs?) (?:sind|are)\b/i;

/** Data subjects' rights ("Recht auf Auskunft … Übermittlung in Drittländer"): enumerations of what one may ask, not transfers. */
export const RIGHTS_TEXT = /\bAuskunftsrecht\b|\bRecht auf Auskunft\b|\bArt(?:ikel|\.)? ?15 (?:DSGVO|DS-GVO|GDPR)|\bright (?:of|to) access\b|\bRecht auf (?:Berichtigung|Löschung|Datenübertragbarkeit)|\bright to (?:data portability|erasure|rectification)|\bDatenübertragbarkeit\b/i;

/** The data are kept to the EU: "Wir nutzen ausschließlich die europäischen Rechenzentren", "only servers in the EU". */
export const EU_ONLY =
  /\b(?:ausschließlich|ausschliesslich|nur|only|exclusively|solely)\b[^.;]{0,40}?(?:europäische[nrm]?|EU-|in der EU\b|innerhalb der EU\b|in der Europäischen Union|innerhalb der Europäischen Union|im EWR|innerhalb des EWR|in Europa\b|innerhalb Europas|in Deutschland|deutsche[nrm]? (?:Server|Rechenzent|Standort)|European|in the EU\b|within the EU\b|in the European Union|within the European Union|in the EEA|within the EEA|in Europe\b|in Germany)/i;

/** The recipients a general clause speaks of by their seat: "Tools von Unternehmen mit Sitz in den USA", "US-Anbieter". */
export const SEATED_IN_BEFORE = /\b(?:Sitz|Hauptsitz|Firmensitz|ansässig|ansässigen|niedergelassen|headquartered|based|domiciled|established|located)\s+(?:\S+\s+){0,2}?(?:in|im|aus)\s+(?:den |der |dem |the )?$/i;
export const US_PROVIDERS = /\bUS-(?:Anbieter|Unternehmen|Dienstleister|Dienste[ns]?|Tools?|Firmen|Konzerne?|Provider|Plattformen?)|\b(?:US|U\.S\.)[- ]based (?:providers|companies|vendors|services|tools)|\bUS (?:providers|companies|vendors|service providers)\b|\b(?:US-)?amerikanische[nr]? (?:Anbieter|Unternehmen|Dienstleister|Dienste)/i;
export const THIRD_COUNTRY_PROVIDERS = /\b(?:Unternehmen|Anbieter[ns]?|Dienstleister[ns]?|Tools|Dienste[ns]?|providers|companies|vendors)\b[^.;]{0,40}(?:Sitz|ansässig|based|aus|from|in)[^.;]{0,80}(?:Drittl|Drittstaat|außerhalb (?:der|des) (?:EU|EWR|Europ)|third countr|outside (?:the )?(?:EU|EEA|European))/i;

/** The text says the transfer does not happen. */
export const TRANSFER_NEGATED =
  /\b(?:findet|finden|erfolgt|erfolgen)\s+(?:\S+\s+){0,6}?nicht(?:\s+statt)?\b|\bkeine\s+(?:\S+\s+){0,2}?(?:Übermittlung|Übertragung|Weitergabe|Datenübermittlung|Verarbeitung)|\bnicht\s+(?:\S+\s+){0,3}?(?:übermittelt|übertragen|weitergegeben|weitergeleitet|verarbeitet)\b|\bverbleiben\b|\bno (?:transfer|data)\b|\bnot (?:be )?(?:transferred|shared|sent)\b|\bdoes not transfer\b|\bnever\b|\bkein Drittlandtransfer/i;

/** The text allows for the transfer but does not say it happens. */
export const POSSIBLE =
  /\b(?:kann|können|könnte|könnten|möglich(?:e[nrs]?|erweise)?|nicht (?:vollständig |gänzlich )?aus(?:zu)?schließen|nicht ausgeschlossen|unter Umständen|ggf\.?|gegebenenfalls|im Einzelfall|Einzelfällen|may|might|could|possibly|cannot be (?:ruled out|excluded)|in individual cases|if applicable)\b/i;

/** The sentence speaks of every recipient in the section, not one: "mit allen Hosting-Unternehmen", "these providers". */
export const PLURAL_SCOPE =
  /\b(?:allen?|sämtliche[nr]?|jeweilige[nr]?|beide[nr]?|genannten|eingesetzten|diese[nr]?|die) (?:\S+ ){0,2}?(?:Anbieter|Anbietern|Dienstleister|Dienstleistern|Drittanbieter|Drittanbietern|Unternehmen|Hostinganbieter|Auftragsverarbeiter|Auftragsverarbeitern|Empfänger|Empfängern|Partner|Partnern|Dienste|Diensten|Tools)\b(?! ist\b)|\b(?:all|each|both|these|those|the above|the aforementioned) (?:of )?(?:\S+ ){0,2}?(?:providers|processors|vendors|services|companies|recipients|partners|tools|third[- ]parties)\b/i;

/** A singular reference to one recipient: "Das Unternehmen …", "Der Anbieter …", "The provider …". */
export const SINGULAR_REFERENCE =
  /\b(?:[Dd](?:er|as|ieser|ieses)|[Uu]nser(?:e[rs]?)?) (?:genannte |vorgenannte |eingesetzte |externe |US-amerikanische )?(?:Anbieter|Dienstleister|Drittanbieter|Dienst|Hoster|Hostinganbieter|Hosting-Anbieter|Unternehmen|Betreiber|Auftragsverarbeiter|Provider)\b(?! (?:und|oder|sind|haben|verarbeiten|speichern|nutzen)\b)|\b(?:[Tt]he|[Tt]his|[Oo]ur) (?:above-mentioned |aforementioned |external |hosting |service |US )?(?:provider|company|service provider|host|hosting provider|processor|vendor|operator)\b(?!s)/;

/** A noun that refers to a recipient not yet named: "Unser Hoster …", "the host …", "folgenden Dienstleister". */
export const REFERENCE_NOUN =
  /\b(?:Anbieters?|Dienstleisters?|Dienstleistern|Drittanbieters?|Hosters?|Hostinganbieters?|Hosting-Anbieters?|Hosting-?Dienstleisters?|Auftragsverarbeiters?|Provider|Betreibers?|host|hosting provider|provider|service provider|processor|vendor)\b/i;

/** A clause that applies across the policy: "Sofern eine Verarbeitung außerhalb des EWR erfolgt, …". */
export const POLICY_WIDE = /\b(?:sofern|soweit|wenn|falls|where|if|insofar as)\b[^.]{0,120}?(?:Drittl|Drittstaat|außerhalb|third countr|outside)/i;

/** Words that make a sentence an example or a denial of use rather than a use: "kein Google Analytics", "z. B. Google". */
export const NOT_A_USE =
  /\b(?:kein(?:e[nrs]?)?|weder|no|not|nicht|without|ohne)\b[^.]{0,60}$|\b(?:z\. ?B\.|e\.g\.|etwa|beispielsweise|wie z\.B\.)\s*(?:\S+\s+){0,3}$/i;

// Affiliates and infrastructure: who is whose parent, who runs whose servers.

/** Words every affiliate cue below contains: sentences without them need no further look (the cues run on every sentence). */
export const AFFILIATE_WORD = /Mutter|mutter|Obergesellschaft|[Pp]arent|Tochter|Schwester|Konzerngesellschaft|[Ss]ubsidiar|[Ss]ister|[Aa]ffiliate|[Pp]art of|[Mm]ember of|[Tt]eil der|gehört zu|nternehmen der|company of/;
/** A parent named after the cue: "an die Muttergesellschaft X", "das Mutterunternehmen von X, die Y", "its parent company X", "the US parent X". */
export const PARENT_CUE = /\b(?:Mutter(?:gesellschaft|unternehmen|konzern)s?|Konzernmutter|Obergesellschaft|parent (?:company|corporation|entity)|(?:US|U\.S\.|American) parent)\b/i;
/** The child named before the cue, the parent or sister after it: "X ist eine Tochtergesellschaft der Y", "X, a subsidiary of Y". */
export const CHILD_CUE =
  /\b(?:Tochter(?:gesellschaft|unternehmen|firma)|Schwester(?:gesellschaft|unternehmen|firma)|Konzerngesellschaft|subsidiary|sister company|affiliate) (?:der|des|von|of) /i;
/** "X is part of the Y group", "X gehört zur Y-Gruppe", "ein Unternehmen der Y Gruppe": the group's name is in group 1. */
export const GROUP_CUE =
  /\b(?:[Pp]art of the|[Mm]ember of the|[Tt]eil der|gehört zu[rm]?|[Ee]in Unternehmen der|a company of the) (\p{Lu}[\p{L}\d.&]*(?:[ -]\p{Lu}[\p{L}\d.&]*){0,2})[ -](?:Gruppe|Unternehmensgruppe|Konzerns?|[Gg]roup)\b/u;
export const SUBPROCESSOR_CUE =
  /\b(?:Unterauftragnehmer|Unterauftragsverarbeiter|Subunternehmer|Sub-?Dienstleister|sub-?processors?|subcontractors?)\b/i;
/** Words every infrastructure phrase below contains. */
export const INFRASTRUCTURE_WORD = /Rechenzent|RECHENZENT|Server|server|SERVER|Infrastruktur|[Ii]nfrastructure|[Dd]ata cent|[Hh]osted|[Gg]ehostet|[Bb]etrieben|[Rr]uns on|[Ll]äuft auf|Hosting/;
/** Text right before a name that makes it another recipient's infrastructure: "auf den Servern von X", "hosted on X". */
export const INFRASTRUCTURE_OF =
  /\b(?:Rechenzentren|Rechenzentrum|Servern?|Serverinfrastruktur|Infrastruktur|Cloud-Infrastruktur|data cent(?:er|re)s?|servers?|infrastructure) (?:von|der|des|bei|of|by|from|at|operated by|provided by)(?: der| des| dem| the)? $|\b(?:hosted|gehostet|betrieben) (?:on|by|with|at|bei|von|auf)(?: der| des| dem| the)? $|\b(?:runs|läuft) (?:on|auf)(?: der| des| dem| the)? $/i;
/** The same phrase followed by a name that is no company of the text ("in Rechenzentren von AWS"): up to four capitalised words in group 1. */
export const INFRASTRUCTURE_NAME =
  /\b(?:Rechenzentren|Rechenzentrum|Servern?|Infrastruktur|data cent(?:er|re)s?|servers?|infrastructure|hosted (?:on|by|with|at)|gehostet (?:bei|von|auf)|runs on|läuft auf) (?:von |der |des |bei |of |by |from |at |the )?(\p{Lu}[\p{L}\d.&]*(?: \p{Lu}[\p{L}\d.&]*){0,3})/gu;
/** A name glued to an infrastructure noun: "AWS-Rechenzentrum", "auf Amazon-Servern". */
export const INFRASTRUCTURE_COMPOUND = /(?<![\p{L}\d.-])(\p{Lu}[\p{L}\d.]{1,30})-(?:Rechenzentr|Server|Cloud-Infrastruktur|Infrastruktur|Hosting)/gu;
/** The user's device talks to the servers itself: a recipient of its own, not infrastructure ("Verbindung zu den Servern von X"). */
export const DIRECT_CONNECTION = /\b(?:Verbindung|verbunden|connection|connects?|geladen|loaded|abgerufen|retrieved|umgeleitet|redirected)\b/i;
