import type { Mechanism, Role } from './types.js';

// The phrasings German and English policies use for roles, transfers and their legal footing.
// Kept apart from the code that applies them, so a new phrasing is a new alternative here.
// Every pattern is a flat alternation with bounded gaps: no nested quantifiers, no backtracking blow-up.

export const ROLE_CUES: { role: Role; re: RegExp }[] = [
  {
    role: 'self_hosted',
    re: /\b(?:selbst|eigenen?|eigene[mn]?|unsere[mn]?|von uns angemieteten)\s+(?:\S+\s+)?(?:Servern?|Webservern?)\b|\beigenen (?:Rechenzentren|Infrastruktur)\b|\bauf (?:einem )?eigenen Server\b|\b(?:hosten|betreiben|betrieben) wir\b[^.]{0,80}\b(?:selbst|eigenen?|unsere[mn]?|angemietet)|\bwir (?:hosten|betreiben|betrieben) \S+(?: \S+){0,3} (?:selbst|ausschließlich auf|auf unsere|bei unserem Schwester)|\bselbst gehostet|\bself-hosted\b|\bon our own (?:servers?|infrastructure)\b|\bwe (?:host|run|operate) \S+(?: \S+){0,3} (?:ourselves|on our own)\b|\bauf unserem eigenen Webserver\b|\binstalliert haben und betreiben\b/i,
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
    re: /Standard(?:vertrags|datenschutz)klauseln?|\bStandardverträge|\bStandard-?Vertragsklauseln|\bStandard Contractual Clauses\b|\bSCCs?\b|\bModel Clauses\b|\bMusterklauseln|\bArt(?:ikel|\.)? ?46 (?:Abs\.? ?2 (?:lit\.? ?)?c|\(2\)\s?\(c\))/i,
  },
  { mechanism: 'DPF', re: /\bData Privacy Framework\b|\bDPF\b|\bDatenschutzrahmen|dataprivacyframework\.gov|\bPrivacy Shield\b/i },
  {
    mechanism: 'BCR',
    re: /\bBinding Corporate Rules\b|\bBCRs?\b|\bverbindliche(?:n)? (?:unternehmensinterne(?:n)?|interne(?:n)?) (?:Datenschutz)?(?:vorschriften|Regeln)/i,
  },
  { mechanism: 'ADEQUACY', re: /Angemessenheitsbeschl|\badequacy decision|\bArt(?:ikel|\.)? ?45 (?:DSGVO|DS-GVO|GDPR|Abs)/i },
  { mechanism: 'ART49', re: /\bArt(?:ikel|\.)? ?49 (?:Abs\.? ?1 )?(?:S(?:atz|\.) ?1 )?(?:lit\.? ?[a-g]|DSGVO|DS-GVO|GDPR|\(1\))/i },
  { mechanism: 'OTHER', re: /\b(?:sonstige[nr]?|andere[nr]?|weitere[nr]?) geeignete[nr]? Garantien|\bother (?:appropriate|suitable) safeguards\b/i },
];

/** A sentence that explains the term rather than stating a role: "Auftragsverarbeiter sind …", "a so-called data processor". */
export const ROLE_DEFINITION =
  /\b(?:so-called|sogenannte[nr]?|sog\.) ["„“]?(?:data )?(?:processors?|Auftragsverarbeiter[ns]?)\b|^["„“]?Auftragsverarbeiter["“]? (?:ist|sind|bezeichnet|meint)\b|^(?:An? |The )?["“]?(?:data )?processor["”]? (?:is|means)\b/i;

/** Link targets name paths, not roles: "…/legal/processors/…" is no processor cue. */
export const URL_TEXT = /\bhttps?:\/\/\S+|\bwww\.\S+|\b[\w-]{1,63}\.(?:com|de|org|net|io|eu)\/\S*/gi;

/** Someone else runs the service: an open-source tool so described is not self-hosted for want of a provider. */
export const OPERATED_BY_OTHERS =
  /\b(?:provided|operated|hosted|offered|run) by\b|\bservers? of\b|\bAnbieter (?:ist|dieses|des)\b|\b(?:betrieben|bereitgestellt|angeboten|gehostet) (?:von|durch)\b|\bServern? (?:der|des|von)\b/i;

/** "keine eigenen Server": the opposite of self-hosting. */
export const SELF_HOSTING_DENIED = /\bkeine[nr]? eigenen?\b|\bnot (?:run|host)\b/i;

/** A mechanism named only to say it is absent ("kein Angemessenheitsbeschluss"). */
export const MECHANISM_NEGATED = /\b(?:kein(?:e[nrs]?)?|no|not|without|ohne|fehlt|nicht) (?:\S+ ){0,2}(?:Angemessenheitsbeschl|adequacy|Standard|Zertifizierung|certification)/i;

/** Words that tell data leaves for somewhere. */
export const TRANSFER_VERB =
  /übermittel|übertrag|Übermittlung|Datenübertragung|Datentransfer|Drittlandtransfer|weitergeleitet|weitergegeben|transfer|gespeichert|verarbeitet|Verarbeitung|Server|Rechenzent|Zugriff|access|stored|processe[sd]|hosted|located|befinde|ansässig|sent to|flow/i;

/** An unnamed third country. */
export const THIRD_COUNTRY =
  /\bDrittl(?:and|ändern?|andes)\b|\bDrittstaat(?:en|es)?\b|\baußerhalb (?:der |des )?(?:EU|EWR|Europäischen (?:Union|Wirtschaftsraums?)|Europas)\b|\bthird countr(?:y|ies)\b|\boutside (?:of )?(?:the )?(?:EU|EEA|European (?:Union|Economic Area))\b|\bnon-EU\b/i;

/** The text says the transfer does not happen. */
export const TRANSFER_NEGATED =
  /\b(?:findet|finden|erfolgt|erfolgen)\s+(?:\S+\s+){0,6}?nicht(?:\s+statt)?\b|\bkeine\s+(?:\S+\s+){0,2}?(?:Übermittlung|Übertragung|Weitergabe|Datenübermittlung|Verarbeitung)|\bnicht\s+(?:\S+\s+){0,3}?(?:übermittelt|übertragen|weitergegeben|weitergeleitet|verarbeitet)\b|\bverbleiben\b|\bno (?:transfer|data)\b|\bnot (?:be )?(?:transferred|shared|sent)\b|\bdoes not transfer\b|\bnever\b|\bkein Drittlandtransfer/i;

/** The text allows for the transfer but does not say it happens. */
export const POSSIBLE =
  /\b(?:kann|können|könnte|könnten|möglich(?:erweise)?|nicht (?:vollständig |gänzlich )?aus(?:zu)?schließen|nicht ausgeschlossen|unter Umständen|ggf\.|gegebenenfalls|im Einzelfall|Einzelfällen|may|might|could|possibly|cannot be (?:ruled out|excluded)|in individual cases|if applicable)\b/i;

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

export const PARENT_CUE = /\b(?:Mutter(?:gesellschaft|unternehmen|konzern)|Konzernmutter|parent (?:company|corporation)|Obergesellschaft)\b/i;
export const SUBPROCESSOR_CUE =
  /\b(?:Unterauftragnehmer|Unterauftragsverarbeiter|Subunternehmer|Sub-?Dienstleister|sub-?processors?|subcontractors?)\b/i;
/** "… in Rechenzentren von AWS", "hosted on Amazon Web Services". */
export const INFRASTRUCTURE_OF =
  /\b(?:Rechenzentren|Rechenzentrum|Servern|Infrastruktur|Cloud|data cent(?:er|re)s?|infrastructure|servers) (?:von|der|des|bei|of|by|from)\s+((?:[A-Z][\w.&-]*)(?: [A-Z][\w.&-]*){0,3}(?: \([A-Z]{2,6}\))?)/;
