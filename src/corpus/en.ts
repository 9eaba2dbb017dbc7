/**
 * English wording for generated policies: the English-language notices German companies
 * publish next to their Datenschutzerklärung. Written for this generator; see de.ts.
 */
import { countryByCode } from '../kb/countries.js';
import type { VendorEntity } from '../kb/vendors.js';
import { personName } from './identity.js';
import type { Boilerplate, DocContext, Phrasebook, VendorGroup } from './phrasebook.js';
import type { LegalBasis, Mechanism, VendorFact } from './plan.js';
import type { Rng } from './random.js';
import { CONSENT_KEYS } from './sample.js';
import { joinList, oneOf, sentences } from './text.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Country names that take "the" in running text. */
const WITH_THE: Readonly<Record<string, string[]>> = {
  US: ['the United States', 'the USA', 'the US'],
  GB: ['the United Kingdom', 'the UK'],
  NL: ['the Netherlands'],
  AE: ['the United Arab Emirates'],
  PH: ['the Philippines'],
};

/** English exonyms for seats the catalog writes in German. */
const CITY_EN: Readonly<Record<string, string>> = {
  'München': 'Munich', 'Köln': 'Cologne', 'Nürnberg': 'Nuremberg', 'Wien': 'Vienna', 'Kopenhagen': 'Copenhagen',
  'Moskau': 'Moscow', 'Zürich': 'Zurich', 'Freiburg im Breisgau': 'Freiburg',
};

function countryEn(code: string, rng: Rng): string {
  const the = WITH_THE[code];
  return the ? rng.pick(the) : countryByCode(code)?.nameEn ?? code;
}

function addressCountry(code: string): string {
  return code === 'US' ? 'USA' : countryByCode(code)?.nameEn ?? code;
}

function entityWithAddress(e: VendorEntity, rng: Rng): string {
  const country = addressCountry(e.country);
  const city = e.city ? CITY_EN[e.city] ?? e.city : undefined;
  if (e.address && rng.chance(0.8)) return `${e.name}, ${e.address}, ${country}`;
  if (city) return rng.chance(0.5) ? `${e.name}, ${city}, ${country}` : `${e.name}, based in ${city}, ${country}`;
  return `${e.name}, ${country}`;
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
    heading: ['Web analytics', 'Analytics and tracking', 'Audience measurement'],
    purpose: ['statistical analysis of how our website is used', 'measuring reach and improving our content', 'analysing visitor behaviour'],
    data: ['truncated IP address, device and browser information, pages visited and time spent', 'referrer URL, click paths, approximate location and device details'],
    what: [(s) => `${s} lets us understand how visitors use our website.`, (s) => `We use ${s} to analyse interactions with our website.`, (s) => `${s} is a web analytics service that relies on cookies or similar technologies.`],
    interest: ['designing our website according to demand', 'improving our services based on usage statistics'],
  },
  ads: {
    heading: ['Advertising and marketing', 'Online marketing', 'Conversion tracking and remarketing'],
    purpose: ['measuring the success of our advertising campaigns', 'showing interest-based advertising', 'remarketing and conversion tracking'],
    data: ['cookie IDs, ad interactions and IP address', 'device identifiers, pages visited and conversion events'],
    what: [(s) => `With ${s} we can see whether users take a certain action after clicking one of our ads.`, (s) => `${s} helps us show our ads to people who have already shown interest in our offering.`],
    interest: ['marketing our products and services'],
  },
  video_conferencing: {
    heading: ['Video conferencing', 'Online meetings and webinars', 'Video calls'],
    purpose: ['holding online meetings, video conferences and webinars', 'communicating with customers, applicants and partners'],
    data: ['name, e-mail address, profile picture, meeting metadata (date, time, duration) and IP address', 'audio and video data, chat messages, participant lists and device information'],
    what: [(s) => `We use ${s} for online meetings.`, (s) => `Video conferences and webinars are held via ${s}.`, (s) => `If you join an online meeting with us, we use ${s} for it.`],
    interest: ['effective communication with our contacts', 'remote collaboration'],
  },
  hosting: {
    heading: ['Hosting', 'Website hosting', 'Hosting and infrastructure'],
    purpose: ['hosting our website', 'running our servers and applications'],
    data: ['IP addresses, access times, browser information and website content', 'server log files, contact requests, metadata and communication data'],
    what: [(s) => `Our website is hosted by ${s}.`, (s) => `We use ${s} to host our website.`, (s) => `The content of this website is stored on servers operated by ${s}.`],
    interest: ['a secure, fast and efficient provision of our website'],
  },
  cdn: {
    heading: ['Content delivery network', 'CDN and security'],
    purpose: ['faster and more secure delivery of our website', 'protection against attacks and load balancing'],
    data: ['IP address, requested content, browser identifier and timestamp'],
    what: [(s) => `We use the content delivery network ${s}.`, (s) => `Static content is delivered through ${s}; requests to our website are routed through the provider's servers.`],
    interest: ['a reliable and secure delivery of our website'],
  },
  email: {
    heading: ['E-mail and office software', 'Office applications'],
    purpose: ['e-mail communication and office organisation', 'team collaboration and document management'],
    data: ['e-mail content, contact details, calendar entries and documents'],
    what: [(s) => `We use ${s} for e-mail, calendars and documents.`, (s) => `Our e-mail communication runs on ${s}.`],
    interest: ['organising our communication efficiently'],
  },
  crm: {
    heading: ['Customer relationship management', 'CRM'],
    purpose: ['managing customer and prospect data', 'handling enquiries and maintaining business relationships'],
    data: ['name, company, contact details, communication history and contract information'],
    what: [(s) => `We manage customer relationships with the CRM system ${s}.`, (s) => `Enquiries and customer data are stored in ${s}.`],
    interest: ['efficient customer management'],
  },
  payment: {
    heading: ['Payment providers', 'Payment processing', 'Payment services'],
    purpose: ['processing payments', 'payment processing and fraud prevention'],
    data: ['name, address, e-mail address, order and payment details (such as IBAN or card number)', 'invoice amount, order number, payment status and, where applicable, credit information'],
    what: [(s) => `If you choose to pay via ${s}, we pass the data required for the payment to the payment provider.`, (s) => `We offer payment via ${s}.`, (s) => `Payments are processed in cooperation with ${s}.`],
    interest: ['smooth payment processing and preventing payment defaults'],
  },
  support: {
    heading: ['Customer support', 'Support tools'],
    purpose: ['handling support requests', 'customer service and remote maintenance'],
    data: ['name, contact details, content of the request, ticket history and, where applicable, screen content'],
    what: [(s) => `We handle support requests with ${s}.`, (s) => `We use ${s} for customer service and remote support.`],
    interest: ['handling your concerns quickly'],
  },
  social: {
    heading: ['Social media', 'Social media presences', 'Social media plugins'],
    purpose: ['presenting our company on social networks', 'embedding content and communicating with users'],
    data: ['IP address, information about pages visited, interactions and, where applicable, your user account'],
    what: [(s) => `We maintain a presence on ${s} and embed content from there on our website.`, (s) => `Content from ${s} is embedded on our website.`, (s) => `We run a company page on ${s}.`],
    interest: ['contemporary public relations'],
  },
  fonts_maps: {
    heading: ['Fonts and maps', 'Embedded content', 'Plugins and tools'],
    purpose: ['displaying fonts consistently', 'displaying interactive maps', 'embedding external content'],
    data: ['IP address, browser information and the requested resource'],
    what: [(s) => `This website uses ${s}; when you open a page, your browser loads the required content from the provider's servers.`, (s) => `We embed ${s}.`],
    interest: ['an appealing and consistent presentation of our website'],
  },
  captcha: {
    heading: ['Spam protection', 'Bot protection'],
    purpose: ['protecting our forms against spam and automated access'],
    data: ['IP address, mouse movements, time on page, browser and device information'],
    what: [(s) => `We use ${s} to protect our forms.`, (s) => `${s} checks whether an entry was made by a human or by an automated program.`],
    interest: ['protecting our website against abuse and spam'],
  },
  scheduling: {
    heading: ['Appointment booking', 'Online scheduling'],
    purpose: ['booking appointments online'],
    data: ['name, e-mail address, phone number, requested time slot and notes'],
    what: [(s) => `You can book appointments through ${s}.`, (s) => `We use ${s} for scheduling.`],
    interest: ['easy appointment scheduling'],
  },
  forms: {
    heading: ['Forms and surveys', 'Online surveys'],
    purpose: ['running surveys and collecting form entries'],
    data: ['your form entries, time of submission and IP address'],
    what: [(s) => `We use ${s} for forms and surveys.`],
    interest: ['improving our services based on your feedback'],
  },
  storage: {
    heading: ['Cloud storage and file sharing'],
    purpose: ['storing and sharing files'],
    data: ['files and documents, metadata and user identifiers'],
    what: [(s) => `We share files using ${s}.`, (s) => `Documents are stored in ${s}.`],
    interest: ['secure access to documents from anywhere'],
  },
  ai: {
    heading: ['Artificial intelligence', 'AI services'],
    purpose: ['assistance with drafting, translating and analysing requests'],
    data: ['entered text (prompts), documents and usage data'],
    what: [(s) => `We use the AI service ${s}.`, (s) => `${s} may be used when we process your requests.`],
    interest: ['handling requests efficiently'],
  },
  monitoring: {
    heading: ['Error tracking and monitoring'],
    purpose: ['detecting errors and keeping our applications stable'],
    data: ['error reports, technical device data, IP address and timestamp'],
    what: [(s) => `We use ${s} for error analysis.`, (s) => `${s} helps us detect technical problems early.`],
    interest: ['stable and error-free operation of our services'],
  },
  chat: {
    heading: ['Chat and messaging', 'Live chat'],
    purpose: ['communicating via chat or messenger'],
    data: ['name, phone number, chat history and metadata'],
    what: [(s) => `You can contact us via ${s}.`, (s) => `Our website offers a chat powered by ${s}.`],
    interest: ['fast and direct communication'],
  },
  newsletter: {
    heading: ['Newsletter', 'E-mail marketing'],
    purpose: ['sending our newsletter and analysing open and click rates'],
    data: ['e-mail address, name, time of sign-up, IP address and open and click behaviour'],
    what: [(s) => `Our newsletter is sent via ${s}.`, (s) => `We use ${s} to send e-mails.`, (s) => `When you subscribe to our newsletter, your details are stored with ${s}.`],
    interest: ['reliable newsletter delivery'],
  },
  consent: {
    heading: ['Consent management', 'Cookie consent'],
    purpose: ['obtaining and documenting your consent'],
    data: ['truncated IP address, time and content of your consent, browser information and a consent ID'],
    what: [(s) => `We use ${s} to obtain and record your consent to certain cookies.`, (s) => `Our website uses the consent management platform ${s}.`],
    interest: ['documenting consent in a legally compliant way'],
  },
  other: {
    heading: ['Other services', 'Further service providers'],
    purpose: ['providing our services and internal organisation'],
    data: ['contact and contract data as well as usage data'],
    what: [(s) => `We use ${s}.`, (s) => `We rely on ${s} in the course of our business.`],
    interest: ['organising our business processes efficiently'],
  },
};

function group(fact: VendorFact): VendorGroup {
  return CONSENT_KEYS.has(fact.vendor.key) ? 'consent' : fact.vendor.category;
}

function terminalLaw(ctx: DocContext): string | null {
  const { year, month } = ctx.date;
  if (year > 2024 || (year === 2024 && month >= 5)) return 'Section 25(1) TDDDG';
  if (year > 2021 || (year === 2021 && month === 12)) return 'Section 25(1) TTDSG';
  return null;
}

function providerIntro(f: VendorFact, rng: Rng): string {
  const e = entityWithAddress(f.contracting, rng);
  const s = f.service;
  return oneOf(rng, [
    () => `The provider is ${e}.`,
    () => `This service is provided by ${e} ("${f.vendor.brand}").`,
    () => `${s} is a service of ${e}.`,
    () => `We use ${s}, offered by ${e}.`,
    () => `The provider of ${s} is ${e}.`,
    () => `${s} is operated by ${e}.`,
  ]);
}

function roleSentence(f: VendorFact, rng: Rng): string | null {
  const b = f.vendor.brand;
  switch (f.role) {
    case 'processor':
      return oneOf(rng, [
        () => `We have concluded a data processing agreement with ${b} pursuant to Art. 28 GDPR.`,
        () => `${b} processes the data solely on our behalf and according to our instructions as a processor.`,
        () => 'The provider acts as our processor within the meaning of Art. 28 GDPR.',
        () => `A data processing addendum (DPA) with ${f.contracting.name} ensures that the data is processed only on our instructions.`,
      ]);
    case 'controller':
      return oneOf(rng, [
        () => `${b} is an independent controller for this processing.`,
        () => 'The provider processes your data as a separate controller within the meaning of Art. 4(7) GDPR.',
        () => `${f.contracting.name} acts under its own responsibility and not on our behalf.`,
      ]);
    case 'joint':
      return oneOf(rng, [
        () => `We are joint controllers with ${b} for the collection and transmission of the data (Art. 26 GDPR).`,
        () => `${f.contracting.name} and we have entered into a joint controller agreement under Art. 26 GDPR.`,
        () => `For this processing we share responsibility with ${b} as joint controllers pursuant to Art. 26 GDPR.`,
      ]);
    case 'self_hosted':
      return oneOf(rng, [
        () => `We run ${f.service} on our own servers, so all data stays with us and nothing is passed to the vendor.`,
        () => `${f.service} is self-hosted; ${f.contracting.name} has no access to the data processed.`,
        () => `We operate our own instance of ${f.service}; no data is transmitted to ${b} or any other third party.`,
      ]);
    case 'unspecified':
      return null;
  }
}

const MECH: Readonly<Record<Mechanism, string[]>> = {
  SCC: ['the Standard Contractual Clauses of the European Commission', 'EU Standard Contractual Clauses (Art. 46(2)(c) GDPR)', 'standard data protection clauses (SCCs)'],
  DPF: ['the EU-U.S. Data Privacy Framework', 'the EU-US Data Privacy Framework (DPF)'],
  BCR: ['binding corporate rules (Art. 47 GDPR)', 'approved Binding Corporate Rules'],
  ADEQUACY: ['an adequacy decision of the European Commission (Art. 45 GDPR)', 'the European Commission’s adequacy decision'],
  ART49: ['your explicit consent under Art. 49(1)(a) GDPR'],
};

function mechanismSentence(mechs: readonly Mechanism[], country: string, recipient: string, rng: Rng): string {
  if (mechs.length === 0) {
    return rng.chance(0.4) ? `Please note that ${countryEn(country, rng)} is not considered to offer a level of data protection equivalent to the EU.` : '';
  }
  if (mechs.length === 1 && mechs[0] === 'DPF' && rng.chance(0.5)) {
    return oneOf(rng, [
      () => `${recipient} is certified under the EU-U.S. Data Privacy Framework.`,
      () => 'The provider participates in the EU-US Data Privacy Framework (DPF), for which the European Commission has adopted an adequacy decision.',
    ]);
  }
  if (mechs.length === 1 && mechs[0] === 'ADEQUACY' && rng.chance(0.6)) {
    const name = countryEn(country, rng);
    return oneOf(rng, [
      () => `The European Commission has adopted an adequacy decision for ${name}.`,
      () => `${name.charAt(0).toUpperCase()}${name.slice(1)} is recognised by the European Commission as providing an adequate level of data protection.`,
    ]);
  }
  const list = joinList(mechs.map((m) => rng.pick(MECH[m])), 'and');
  return oneOf(rng, [
    () => `The transfer is based on ${list}.`,
    () => `We safeguard the transfer by means of ${list}.`,
    () => `Transfers are covered by ${list}.`,
  ]);
}

function transferSentences(f: VendorFact, rng: Rng): string {
  const t = f.transfer;
  if (!t) return '';
  const country = countryEn(t.country, rng);
  const who = t.recipient === f.contracting ? 'the provider' : t.recipient.name;
  const core = t.certainty === 'stated'
    ? oneOf(rng, [
      () => `Personal data is transferred to ${country} in the process.`,
      () => `Data is transmitted to ${who} in ${country}.`,
      () => `Processing also takes place on servers in ${country}.`,
    ])
    : oneOf(rng, [
      () => `It cannot be ruled out that data is also transferred to ${who} in ${country}.`,
      () => `Data may be transferred to ${country}.`,
      () => `A transfer to ${who} in ${country} is possible, for example for support purposes.`,
    ]);
  return sentences(core, mechanismSentence(t.mechanisms, t.country, t.recipient.name, rng));
}

function negationSentence(rng: Rng): string {
  return oneOf(rng, [
    () => 'No data is transferred to third countries.',
    () => 'Your data does not leave the European Economic Area.',
    () => 'There is no transfer of personal data outside the EU/EEA.',
  ]);
}

function locationSentence(f: VendorFact, rng: Rng): string {
  const loc = f.location;
  if (!loc) return '';
  const where = loc.place ? `${CITY_EN[loc.place] ?? loc.place}, ${countryEn(loc.country, rng)}` : countryEn(loc.country, rng);
  return oneOf(rng, [
    () => `The servers are located in ${where}.`,
    () => `Data is stored ${f.transfer ? '' : 'exclusively '}in data centres in ${where}.`,
    () => `Server location: ${where}.`,
  ]);
}

function subProcessorSentence(f: VendorFact, rng: Rng): string {
  const sp = f.subProcessor;
  if (!sp) return '';
  const where = sp.place ? `${CITY_EN[sp.place] ?? sp.place}` : countryEn(sp.country, rng);
  return oneOf(rng, [
    () => `${f.vendor.brand} in turn uses ${sp.entity.name} as a sub-processor; data is stored in data centres in ${where}.`,
    () => `The data is processed in ${sp.brand} data centres in ${where}.`,
    () => `The provider runs its platform on infrastructure from ${sp.brand} (${where}).`,
  ]);
}

function legalBasisSentence(f: VendorFact, ctx: DocContext, rng: Rng): string {
  const law = f.terminalAccess ? terminalLaw(ctx) : null;
  const interest = rng.pick(GROUPS[group(f)].interest);
  return f.legalBases.map((b: LegalBasis) => {
    switch (b) {
      case 'consent':
        return oneOf(rng, [
          () => `Processing only takes place with your consent pursuant to Art. 6(1)(a) GDPR${law ? ` and ${law}` : ''}; you can withdraw your consent at any time with effect for the future.`,
          () => `The legal basis is your consent (Art. 6(1)(a) GDPR${law ? `, ${law}` : ''}), given via our cookie banner.`,
        ]);
      case 'legitimate':
        return oneOf(rng, [
          () => `The legal basis is our legitimate interest in ${interest} (Art. 6(1)(f) GDPR).`,
          () => 'Processing is based on Art. 6(1)(f) GDPR.',
        ]);
      case 'contract':
        return 'Processing is necessary for the performance of a contract or pre-contractual measures (Art. 6(1)(b) GDPR).';
      case 'legal_obligation':
        return `We are legally required to obtain consent${law ? ` (${law})` : ''}; the legal basis for this processing is Art. 6(1)(c) GDPR.`;
      case 'employment':
        return 'The legal basis is Section 26 BDSG in conjunction with Art. 88 GDPR (initiating an employment relationship).';
    }
  }).join(' ');
}

function vendorBody(f: VendorFact, ctx: DocContext, rng: Rng): string[] {
  const g = GROUPS[group(f)];
  const intro = sentences(
    rng.pick(g.what)(f.vendor.brand),
    providerIntro(f, rng),
    rng.chance(0.7) ? `The following data in particular is processed: ${rng.pick(g.data)}.` : null,
  );
  const legal = sentences(roleSentence(f, rng), legalBasisSentence(f, ctx, rng));
  const where = sentences(...rng.shuffle([
    transferSentences(f, rng),
    f.deniesTransfer ? negationSentence(rng) : '',
    locationSentence(f, rng),
    subProcessorSentence(f, rng),
  ]));
  const tail = sentences(
    rng.chance(0.5) ? rng.pick(['Data is deleted as soon as it is no longer needed for the purpose for which it was collected.', `Cookies set by ${f.vendor.brand} expire after ${rng.pick([6, 12, 13, 24])} months at the latest.`, 'Data is deleted once statutory retention periods have expired.']) : null,
    rng.chance(0.5) ? rng.pick([`For more information, please see the privacy policy of ${f.vendor.brand}.`, 'Details can be found in the provider’s privacy notice.']) : null,
  );
  const paragraphs = rng.chance(0.3) ? [sentences(intro, legal), sentences(where, tail)] : [intro, legal, where, tail];
  return [...paragraphs, ...extraParagraphs(f, ctx, rng)].filter((p) => p.length > 0);
}

/**
 * Splits "a, b, c and d" into items. Only the final "and" separates items: earlier ones
 * join a pair inside an item ("device and browser information").
 */
function dataItems(list: string): string[] {
  const items = list.split(', ');
  if (items.length === 1) return items;
  const last = items.pop() ?? '';
  const cut = last.indexOf(' and ');
  return cut < 0 ? [...items, last] : [...items, last.slice(0, cut), last.slice(cut + 5)];
}

/** Explanations verbose notices add per service; see the German counterpart. */
function extraParagraphs(f: VendorFact, ctx: DocContext, rng: Rng): string[] {
  const b = f.vendor.brand;
  const g = GROUPS[group(f)];
  const extras = [
    () => `The purpose of processing is ${rng.pick(g.purpose)}. We do not combine this data with other data sources.`,
    () => `The following categories of data may be affected:\n${dataItems(rng.pick(g.data)).map((d) => `- ${d}`).join('\n')}`,
    () => f.legalBases.includes('consent')
      ? `You can prevent collection by ${b} by withdrawing your consent in the cookie settings. Cookies already set can be deleted in your browser at any time.`
      : `You may object to processing by ${b} at any time where it is based on our legitimate interest.`,
    () => `The recipient of the data is ${f.contracting.name}. Other parties only gain access where required by law or where you have consented.`,
    () => `Providing your data is neither a statutory nor a contractual requirement; without it, however, you cannot use ${b} or only to a limited extent.`,
  ];
  return extras.filter(() => rng.chance(ctx.verbosity)).map((e) => e());
}

const BOILERPLATE: readonly Boilerplate[] = [
  {
    id: 'general',
    heading: (rng) => rng.pick(['General information', 'Privacy at a glance', 'About this notice']),
    body: (ctx, rng) => [sentences(
      'Personal data is any information that can be used to identify you personally.',
      oneOf(rng, [
        () => `${ctx.controller.shortName} processes such data only where necessary to provide a functional website and our services.`,
        () => 'We only process your data where the law permits it or you have given your consent.',
      ]),
      'Please note that data transmitted over the internet (e.g. by e-mail) may be subject to security gaps; complete protection against access by third parties is not possible.',
    )],
  },
  {
    id: 'legal-bases',
    heading: (rng) => rng.pick(['Legal bases for processing', 'Legal bases']),
    body: (_ctx, rng) => [
      oneOf(rng, [() => 'We process personal data on the following legal bases:', () => 'The relevant legal bases under the GDPR are:']),
      [
        'Art. 6(1)(a) GDPR – consent',
        'Art. 6(1)(b) GDPR – performance of a contract or pre-contractual measures',
        'Art. 6(1)(c) GDPR – compliance with a legal obligation',
        'Art. 6(1)(f) GDPR – legitimate interests',
      ].map((l) => `- ${l}`).join('\n'),
    ],
  },
  {
    id: 'logfiles',
    heading: (rng) => rng.pick(['Server log files', 'Access data and log files']),
    body: (_ctx, rng) => [sentences(
      'Each time you access our website, our server automatically records information that your browser transmits.',
      `This includes ${joinList(rng.shuffle(['browser type and version', 'operating system', 'referrer URL', 'host name of the accessing computer', 'time of the request', 'IP address']).slice(0, rng.int(4, 6)), 'and')}.`,
      `Log files are deleted after ${rng.pick([7, 14, 30])} days. The legal basis is Art. 6(1)(f) GDPR; our legitimate interest lies in the secure and error-free operation of our website.`,
    )],
  },
  {
    id: 'tls',
    heading: (rng) => rng.pick(['SSL/TLS encryption', 'Encryption']),
    body: (_ctx, rng) => [sentences(
      'For security reasons, this site uses TLS encryption to protect the transmission of confidential content.',
      oneOf(rng, [
        () => 'You can recognise an encrypted connection by the "https://" prefix and the lock symbol in your browser.',
        () => 'When encryption is active, data you send to us cannot be read by third parties.',
      ]),
    )],
  },
  {
    id: 'cookies',
    heading: (rng) => rng.pick(['Cookies', 'Use of cookies']),
    body: (_ctx, rng) => [sentences(
      'Our website uses cookies, small text files stored on your device.',
      'Strictly necessary cookies are set on the basis of Art. 6(1)(f) GDPR; all other cookies are only stored with your consent.',
      oneOf(rng, [
        () => 'You can change your choice at any time via the cookie settings in the footer of our website.',
        () => 'You can configure your browser to inform you about cookies and to allow them only in individual cases.',
      ]),
    )],
  },
  {
    id: 'contact',
    heading: (rng) => rng.pick(['Contacting us', 'Contact form and e-mail enquiries']),
    body: (_ctx, rng) => [sentences(
      oneOf(rng, [
        () => 'If you send us an enquiry via the contact form, we store the details you provide, including your contact details, to process the enquiry.',
        () => 'If you contact us by e-mail or phone, we store your enquiry and any personal data it contains in order to handle it.',
      ]),
      'We do not pass on this data without your consent. The legal basis is Art. 6(1)(b) GDPR where your enquiry relates to a contract, and Art. 6(1)(f) GDPR otherwise.',
    )],
  },
  {
    id: 'applications',
    heading: (rng) => rng.pick(['Job applications', 'Applicant data']),
    body: (_ctx, rng) => [sentences(
      'We process the data you send us with your application in order to carry out the application process.',
      'The legal basis is Section 26 BDSG and Art. 6(1)(b) GDPR.',
      `If no employment relationship is established, we delete your documents no later than ${rng.pick([4, 6])} months after the process has ended.`,
    )],
  },
  {
    id: 'retention',
    heading: (rng) => rng.pick(['Storage period', 'How long we keep your data']),
    body: (_ctx, rng) => [sentences(
      oneOf(rng, [
        () => 'Unless a more specific storage period is stated in this notice, your data remains with us until the purpose of processing no longer applies.',
        () => 'We delete personal data as soon as the purpose of storage ceases to apply.',
      ]),
      'Data may be retained for longer where required by statutory retention obligations, for example under German commercial and tax law.',
    )],
  },
  {
    id: 'security',
    heading: (rng) => rng.pick(['Data security', 'Technical and organisational measures']),
    body: (_ctx, rng) => [sentences(
      'In accordance with Art. 32 GDPR, we implement appropriate technical and organisational measures to ensure a level of security appropriate to the risk.',
      `These include ${joinList(rng.shuffle(['encryption of storage media', 'need-to-know access controls', 'regular backups', 'logging of access', 'staff training', 'firewalls and malware protection']).slice(0, 4), 'and')}.`,
    )],
  },
  {
    id: 'recipients',
    heading: (rng) => rng.pick(['Recipients of personal data', 'Disclosure of data']),
    body: (_ctx, rng) => [sentences(
      'We only pass your data to third parties where you have consented, where this is necessary for the performance of a contract, or where we are legally obliged to do so.',
      oneOf(rng, [
        () => 'Recipients may include IT service providers, tax advisers, banks and public authorities within their competence.',
        () => 'Service providers we engage are selected carefully and contractually bound to comply with data protection law.',
      ]),
    )],
  },
  {
    id: 'automated',
    heading: (rng) => rng.pick(['Automated decision-making', 'Profiling']),
    body: (_ctx, rng) => [rng.pick(['We do not use automated decision-making, including profiling, within the meaning of Art. 22 GDPR.', 'No decisions producing legal effects for you are made solely by automated means.'])],
  },
  {
    id: 'objection',
    heading: (rng) => rng.pick(['Right to object under Art. 21 GDPR', 'Your right to object']),
    body: () => [sentences(
      'Where processing is based on Art. 6(1)(e) or (f) GDPR, you have the right to object at any time on grounds relating to your particular situation.',
      'We will then no longer process your data unless we can demonstrate compelling legitimate grounds that override your interests.',
      'Where your data is processed for direct marketing, you may object at any time without giving reasons.',
    )],
  },
  {
    id: 'changes',
    heading: (rng) => rng.pick(['Changes to this privacy notice', 'Updates to this notice']),
    body: (_ctx, rng) => [sentences(
      'We may update this privacy notice to reflect changes in legal requirements or in our services.',
      rng.pick(['The current version is always available on this page.', 'The new version applies to your next visit.']),
    )],
  },
];

export const ENGLISH: Phrasebook = {
  language: 'en',
  title: (rng) => rng.pick(['Privacy Policy', 'Privacy Notice', 'Data Protection Notice', 'Data Protection Information pursuant to Art. 13 GDPR']),
  intro: (ctx, rng) => [oneOf(rng, [
    () => `Thank you for your interest in ${ctx.controller.name}. Protecting your personal data is important to us.`,
    () => 'This privacy policy explains the nature, scope and purpose of the processing of personal data on our website and in our business processes.',
    () => `This notice applies to the website ${ctx.controller.domain} and all services we offer in connection with it.`,
  ])],
  controllerHeading: (rng) => rng.pick(['Controller', 'Name and address of the controller', 'Who is responsible for data processing?', 'Data controller']),
  controllerBody: (ctx, rng) => {
    const c = ctx.controller;
    const managers = c.managers.map(personName);
    const block = [
      c.name, c.street, `${c.postcode} ${c.city}`, 'Germany', '',
      `Phone: ${c.phone}`, `E-mail: ${c.email}`,
      rng.chance(0.6) ? `Represented by: ${joinList(managers, 'and')}` : null,
    ].filter((l): l is string => l !== null).join('\n');
    return [rng.pick(['The controller within the meaning of the General Data Protection Regulation (GDPR) is:', 'Responsible for the processing of your data is:']), block];
  },
  dpoHeading: (rng) => rng.pick(['Data protection officer', 'Contacting our data protection officer']),
  dpoBody: (ctx, rng) => {
    const d = ctx.dpo;
    if (!d) return [];
    const who = d.firm ? `${personName(d.person)}\n${d.firm}` : personName(d.person);
    return [rng.pick(['You can reach our data protection officer at:', 'We have appointed an external data protection officer:']), `${who}\nE-mail: ${d.email}`];
  },
  groupHeading: (g, rng) => rng.pick(GROUPS[g].heading),
  vendorHeading: (f, rng) => rng.pick([f.service, `Use of ${f.service}`, `${f.service} (${f.contracting.name})`]),
  vendorBody,
  policyWideHeading: (rng) => rng.pick(['Transfers to third countries', 'International data transfers', 'Data processing outside the EU']),
  policyWideBody: (mechs, _ctx, rng) => [
    rng.pick([
      'Some of the service providers named in this notice are based in, or process data in, countries outside the EU/EEA.',
      'Where we transfer data to a third country, or this happens through services we use, we do so only in accordance with Art. 44 et seq. GDPR.',
    ]),
    sentences(
      `Unless stated otherwise for a specific service, such transfers are based on ${joinList(mechs.map((m) => rng.pick(MECH[m])), 'or')}.`,
      mechs.includes('DPF') ? 'For US providers certified under the EU-US Data Privacy Framework, an adequacy decision of the European Commission applies.' : null,
    ),
  ],
  rightsHeading: (rng) => rng.pick(['Your rights', 'Rights of data subjects', 'Your rights as a data subject']),
  rightsBody: (_ctx, rng) => {
    const rights = ['access (Art. 15 GDPR)', 'rectification (Art. 16 GDPR)', 'erasure (Art. 17 GDPR)', 'restriction of processing (Art. 18 GDPR)', 'data portability (Art. 20 GDPR)', 'objection (Art. 21 GDPR)'];
    return [
      rng.chance(0.5) ? `You have the right to ${joinList(rights, 'and')}.` : `As a data subject, you have the following rights:\n${rights.map((r) => `- right to ${r}`).join('\n')}`,
      rng.pick(['To exercise your rights, an informal message to the contact details above is sufficient.', 'You may withdraw any consent you have given at any time with effect for the future.']),
    ];
  },
  complaintHeading: (rng) => rng.pick(['Right to lodge a complaint with a supervisory authority', 'Right to complain']),
  complaintBody: (ctx, rng) => [sentences(
    'You have the right to lodge a complaint with a data protection supervisory authority (Art. 77 GDPR).',
    rng.chance(0.7) ? `The authority responsible for us is the ${ctx.authority.name}, ${CITY_EN[ctx.authority.city] ?? ctx.authority.city}.` : null,
  )],
  stand: (ctx, rng) => {
    const { year, month, day } = ctx.date;
    return rng.chance(0.5) ? `Last updated: ${MONTHS[month - 1]} ${year}` : `Last updated: ${MONTHS[month - 1]} ${day}, ${year}`;
  },
  boilerplate: BOILERPLATE,
};
