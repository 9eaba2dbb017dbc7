/**
 * Catalog of vendors that German websites and companies commonly name in their privacy
 * policies: the brand, the legal entities that act as recipient, the products, and how
 * common the vendor is. Entity resolution uses it to map "Zoom Video Communications, Inc."
 * and "Zoom" to one organization; the load-corpus generator uses `popularity` to draw a
 * realistic mix.
 *
 * A vendor is a product line as policies present it (Google Analytics, YouTube, Google
 * Fonts each get their own section), so one legal entity can back several vendors.
 */
import { stripLegalForm } from './legalForms.js';

export interface VendorEntity {
  /** Legal name as the vendor writes it. */
  name: string;
  /** Seat, ISO 3166-1 alpha-2. */
  country: string;
  formerNames?: string[];
  /** Seat city, as the vendor writes it. */
  city?: string;
  /** Street address without the country line, where the vendor publishes a stable one. */
  address?: string;
}

export type VendorCategory =
  | 'analytics' | 'ads' | 'video_conferencing' | 'hosting' | 'cdn' | 'email' | 'crm'
  | 'payment' | 'support' | 'social' | 'fonts_maps' | 'captcha' | 'scheduling' | 'forms'
  | 'storage' | 'ai' | 'monitoring' | 'chat' | 'newsletter' | 'other';

export interface Vendor {
  key: string;
  brand: string;
  /**
   * Other names a policy may use: former brands, abbreviations. Not a common noun ("Messenger",
   * "Käuferschutz"): German capitalizes every noun, so such a name would find the vendor in a
   * heading or a sentence about any messenger or any buyer protection.
   */
  aliases: string[];
  /** Contracting entity for EU customers first, then the (usually US) parent or affiliate. */
  entities: VendorEntity[];
  services: string[];
  category: VendorCategory;
  /** Relative weight across German policies: Google Analytics ~100, a niche CRM ~1. */
  popularity: number;
  /** Can be run on the controller's own servers, which removes the vendor as recipient. */
  selfHostable?: boolean;
  /** Legal name of the corporate parent, e.g. LinkedIn -> Microsoft Corporation. */
  parent?: string;
  /** The US entity participates in the EU-US Data Privacy Framework. */
  dpfCertified?: boolean;
}

// Entities shared by several product lines.
const GOOGLE_IE: VendorEntity = { name: 'Google Ireland Limited', country: 'IE', city: 'Dublin', address: 'Gordon House, Barrow Street, Dublin 4' };
const GOOGLE_US: VendorEntity = { name: 'Google LLC', country: 'US', city: 'Mountain View', address: '1600 Amphitheatre Parkway, Mountain View, CA 94043' };
const GOOGLE = [GOOGLE_IE, GOOGLE_US];
const MS_IE: VendorEntity = { name: 'Microsoft Ireland Operations Limited', country: 'IE', city: 'Dublin', address: 'One Microsoft Place, South County Business Park, Leopardstown, Dublin 18, D18 P521' };
const MS_US: VendorEntity = { name: 'Microsoft Corporation', country: 'US', city: 'Redmond', address: 'One Microsoft Way, Redmond, WA 98052-6399' };
const MICROSOFT = [MS_IE, MS_US];
const META_IE: VendorEntity = { name: 'Meta Platforms Ireland Limited', country: 'IE', city: 'Dublin', address: 'Merrion Road, Dublin 4, D04 X2K5', formerNames: ['Facebook Ireland Limited', 'Facebook Ireland Ltd.'] };
const META_US: VendorEntity = { name: 'Meta Platforms, Inc.', country: 'US', city: 'Menlo Park', address: '1 Meta Way, Menlo Park, CA 94025', formerNames: ['Facebook, Inc.', 'Facebook Inc.'] };
const META = [META_IE, META_US];
const AWS_LU: VendorEntity = { name: 'Amazon Web Services EMEA SARL', country: 'LU', city: 'Luxembourg', address: '38 Avenue John F. Kennedy, L-1855 Luxembourg' };
const AWS_US: VendorEntity = { name: 'Amazon Web Services, Inc.', country: 'US', city: 'Seattle', address: '410 Terry Avenue North, Seattle, WA 98109-5210' };
const AMAZON_EU: VendorEntity = { name: 'Amazon Europe Core S.à r.l.', country: 'LU', city: 'Luxembourg', address: '38 Avenue John F. Kennedy, L-1855 Luxembourg' };
const AUTOMATTIC_IE: VendorEntity = { name: 'Aut O’Mattic A8C Ireland Ltd.', country: 'IE', city: 'Dublin', address: 'Grand Canal Dock, 25 Herbert Place, Dublin, D02 AY86' };
const AUTOMATTIC_US: VendorEntity = { name: 'Automattic Inc.', country: 'US', city: 'San Francisco', address: '60 29th Street #343, San Francisco, CA 94110' };
const ATLASSIAN = [
  { name: 'Atlassian Pty Ltd', country: 'AU', city: 'Sydney', address: 'Level 6, 341 George Street, Sydney NSW 2000' },
  { name: 'Atlassian US, Inc.', country: 'US', city: 'San Francisco' },
];
const SALESFORCE_US: VendorEntity = { name: 'Salesforce, Inc.', country: 'US', city: 'San Francisco', address: 'Salesforce Tower, 415 Mission Street, 3rd Floor, San Francisco, CA 94105', formerNames: ['salesforce.com, inc.'] };
const CLOUDFLARE: VendorEntity = { name: 'Cloudflare, Inc.', country: 'US', city: 'San Francisco', address: '101 Townsend St., San Francisco, CA 94107' };
const APPLE = [
  { name: 'Apple Distribution International Limited', country: 'IE', city: 'Cork', address: 'Hollyhill Industrial Estate, Hollyhill, Cork' },
  { name: 'Apple Inc.', country: 'US', city: 'Cupertino', address: 'One Apple Park Way, Cupertino, CA 95014' },
];
const ZOHO = [
  { name: 'Zoho Corporation B.V.', country: 'NL', city: 'Utrecht' },
  { name: 'Zoho Corporation Pvt. Ltd.', country: 'IN', city: 'Chennai' },
];
const FRESHWORKS = [
  { name: 'Freshworks GmbH', country: 'DE', city: 'Berlin' },
  { name: 'Freshworks Inc.', country: 'US', city: 'San Mateo' },
];
const TWILIO = [
  { name: 'Twilio Ireland Limited', country: 'IE', city: 'Dublin' },
  { name: 'Twilio Inc.', country: 'US', city: 'San Francisco' },
];
const NEW_WORK: VendorEntity = { name: 'New Work SE', country: 'DE', city: 'Hamburg', address: 'Am Strandkai 1, 20457 Hamburg', formerNames: ['XING SE', 'XING AG'] };
const SAP: VendorEntity = { name: 'SAP SE', country: 'DE', city: 'Walldorf', address: 'Dietmar-Hopp-Allee 16, 69190 Walldorf' };
const TELEKOM: VendorEntity = { name: 'Telekom Deutschland GmbH', country: 'DE', city: 'Bonn', address: 'Landgrabenweg 151, 53227 Bonn' };
const STRATO: VendorEntity = { name: 'STRATO GmbH', country: 'DE', city: 'Berlin', address: 'Otto-Ostrowski-Straße 7, 10249 Berlin', formerNames: ['STRATO AG'] };
const UNITED_INTERNET_MAIL: VendorEntity = { name: '1&1 Mail & Media GmbH', country: 'DE', city: 'Montabaur' };

type Spec = Omit<Vendor, 'aliases' | 'services'> & { aliases?: string[]; services?: string[] };

/**
 * Fills the optional list fields so consumers never deal with undefined arrays, and gives every
 * vendor the same fields in the same order (absent ones undefined): one object shape, so the
 * extraction code that reads a recipient's vendor stays optimized. Spread, each combination of
 * fields was a shape of its own, and each new one a document met sent extractPolicy back to
 * unoptimized code and its recompilation (~200 ms of compiler time a time).
 */
function vendor(spec: Spec): Vendor {
  const { key, brand, entities, category, popularity, selfHostable, parent, dpfCertified } = spec;
  return { key, brand, aliases: spec.aliases ?? [], entities, services: spec.services ?? [brand], category, popularity, selfHostable, parent, dpfCertified };
}

export const VENDORS: readonly Vendor[] = [
  // Google product lines
  vendor({ key: 'google-analytics', brand: 'Google Analytics', aliases: ['GA4', 'Universal Analytics'], entities: GOOGLE, services: ['Google Analytics', 'Google Analytics 4', 'Google Signals', 'Google Optimize'], category: 'analytics', popularity: 100, dpfCertified: true }),
  vendor({ key: 'google-tag-manager', brand: 'Google Tag Manager', aliases: ['GTM'], entities: GOOGLE, services: ['Google Tag Manager'], category: 'analytics', popularity: 75, dpfCertified: true }),
  vendor({ key: 'google-ads', brand: 'Google Ads', aliases: ['Google AdWords', 'AdWords', 'Google Ads Conversion Tracking', 'Google Remarketing'], entities: GOOGLE, services: ['Google Ads', 'Google Ads Conversion Tracking', 'Google Remarketing'], category: 'ads', popularity: 45, dpfCertified: true }),
  vendor({ key: 'google-marketing-platform', brand: 'Google Marketing Platform', aliases: ['DoubleClick', 'Floodlight'], entities: GOOGLE, services: ['Campaign Manager 360', 'Display & Video 360', 'DoubleClick'], category: 'ads', popularity: 12, dpfCertified: true }),
  vendor({ key: 'google-adsense', brand: 'Google AdSense', entities: GOOGLE, category: 'ads', popularity: 8, dpfCertified: true }),
  vendor({ key: 'google-fonts', brand: 'Google Fonts', aliases: ['Google Web Fonts', 'Google Webfonts'], entities: GOOGLE, services: ['Google Fonts'], category: 'fonts_maps', popularity: 65, selfHostable: true, dpfCertified: true }),
  vendor({ key: 'google-maps', brand: 'Google Maps', aliases: ['Google Maps API'], entities: GOOGLE, services: ['Google Maps', 'Google Maps API', 'Google Maps Platform'], category: 'fonts_maps', popularity: 55, dpfCertified: true }),
  vendor({ key: 'recaptcha', brand: 'reCAPTCHA', aliases: ['Google reCAPTCHA', 'reCAPTCHA v3', 'reCAPTCHA Enterprise'], entities: GOOGLE, services: ['reCAPTCHA', 'Google reCAPTCHA'], category: 'captcha', popularity: 40, dpfCertified: true }),
  vendor({ key: 'youtube', brand: 'YouTube', aliases: ['YouTube (erweiterter Datenschutzmodus)', 'youtube-nocookie.com'], entities: [GOOGLE_IE, GOOGLE_US], services: ['YouTube'], category: 'social', popularity: 65, parent: 'Google LLC', dpfCertified: true }),
  vendor({ key: 'google-workspace', brand: 'Google Workspace', aliases: ['G Suite', 'Google Apps'], entities: GOOGLE, services: ['Google Workspace', 'Gmail', 'Google Drive', 'Google Calendar', 'Google Docs'], category: 'email', popularity: 18, dpfCertified: true }),
  vendor({ key: 'google-meet', brand: 'Google Meet', aliases: ['Hangouts Meet', 'Google Hangouts'], entities: GOOGLE, category: 'video_conferencing', popularity: 10, dpfCertified: true }),
  vendor({ key: 'google-cloud', brand: 'Google Cloud', aliases: ['Google Cloud Platform', 'GCP'], entities: [{ name: 'Google Cloud EMEA Limited', country: 'IE', city: 'Dublin', address: '70 Sir John Rogerson’s Quay, Dublin 2' }, ...GOOGLE], services: ['Google Cloud Platform', 'Google Compute Engine', 'Firebase', 'Google Cloud Storage'], category: 'hosting', popularity: 12, dpfCertified: true }),
  vendor({ key: 'google-forms', brand: 'Google Forms', aliases: ['Google Formulare'], entities: GOOGLE, category: 'forms', popularity: 5, dpfCertified: true }),
  vendor({ key: 'google-pay', brand: 'Google Pay', entities: GOOGLE, category: 'payment', popularity: 5, dpfCertified: true }),
  vendor({ key: 'google-gemini', brand: 'Google Gemini', aliases: ['Gemini', 'Bard'], entities: GOOGLE, services: ['Gemini', 'Vertex AI'], category: 'ai', popularity: 3, dpfCertified: true }),

  // Microsoft product lines
  vendor({ key: 'microsoft-teams', brand: 'Microsoft Teams', aliases: ['MS Teams', 'Teams'], entities: MICROSOFT, services: ['Microsoft Teams'], category: 'video_conferencing', popularity: 45, dpfCertified: true }),
  vendor({ key: 'microsoft-365', brand: 'Microsoft 365', aliases: ['Office 365', 'MS 365', 'Microsoft Office 365'], entities: MICROSOFT, services: ['Microsoft 365', 'Exchange Online', 'Outlook', 'OneDrive', 'SharePoint Online'], category: 'email', popularity: 30, dpfCertified: true }),
  vendor({ key: 'azure', brand: 'Microsoft Azure', aliases: ['Azure'], entities: MICROSOFT, services: ['Azure', 'Azure CDN', 'Azure OpenAI Service'], category: 'hosting', popularity: 15, dpfCertified: true }),
  vendor({ key: 'microsoft-clarity', brand: 'Microsoft Clarity', aliases: ['Clarity'], entities: MICROSOFT, category: 'analytics', popularity: 8, dpfCertified: true }),
  vendor({ key: 'microsoft-advertising', brand: 'Microsoft Advertising', aliases: ['Bing Ads', 'Bing Universal Event Tracking', 'Bing UET'], entities: MICROSOFT, services: ['Microsoft Advertising', 'Bing Ads', 'Universal Event Tracking'], category: 'ads', popularity: 10, dpfCertified: true }),
  vendor({ key: 'bing-maps', brand: 'Bing Maps', entities: MICROSOFT, category: 'fonts_maps', popularity: 2, dpfCertified: true }),
  vendor({ key: 'microsoft-bookings', brand: 'Microsoft Bookings', entities: MICROSOFT, category: 'scheduling', popularity: 3, dpfCertified: true }),
  vendor({ key: 'microsoft-forms', brand: 'Microsoft Forms', entities: MICROSOFT, category: 'forms', popularity: 3, dpfCertified: true }),
  vendor({ key: 'skype', brand: 'Skype', aliases: ['Skype for Business'], entities: MICROSOFT, category: 'video_conferencing', popularity: 4, dpfCertified: true }),
  vendor({ key: 'microsoft-copilot', brand: 'Microsoft Copilot', aliases: ['Copilot', 'Bing Chat'], entities: MICROSOFT, services: ['Microsoft 365 Copilot', 'Copilot'], category: 'ai', popularity: 3, dpfCertified: true }),
  vendor({ key: 'linkedin', brand: 'LinkedIn', aliases: ['LinkedIn Insight Tag'], entities: [{ name: 'LinkedIn Ireland Unlimited Company', country: 'IE', city: 'Dublin', address: 'Wilton Place, Dublin 2' }, { name: 'LinkedIn Corporation', country: 'US', city: 'Sunnyvale', address: '1000 W. Maude Avenue, Sunnyvale, CA 94085' }], services: ['LinkedIn', 'LinkedIn Insight Tag', 'LinkedIn Ads'], category: 'social', popularity: 40, parent: 'Microsoft Corporation', dpfCertified: true }),
  vendor({ key: 'github', brand: 'GitHub', aliases: ['GitHub Pages'], entities: [{ name: 'GitHub, Inc.', country: 'US', city: 'San Francisco', address: '88 Colin P. Kelly Jr. Street, San Francisco, CA 94107' }], services: ['GitHub', 'GitHub Pages', 'GitHub Copilot'], category: 'hosting', popularity: 5, parent: 'Microsoft Corporation', dpfCertified: true }),

  // Meta product lines
  vendor({ key: 'facebook', brand: 'Facebook', aliases: ['Facebook Fanpage', 'Facebook Social Plugins', 'Meta'], entities: META, services: ['Facebook', 'Facebook Fanpage', 'Facebook Social Plugins', 'Facebook Login'], category: 'social', popularity: 55, dpfCertified: true }),
  vendor({ key: 'meta-pixel', brand: 'Meta Pixel', aliases: ['Facebook Pixel', 'Facebook Custom Audiences', 'Meta Conversions API', 'Facebook Conversion API'], entities: META, services: ['Meta Pixel', 'Facebook Pixel', 'Custom Audiences', 'Conversions API'], category: 'ads', popularity: 45, dpfCertified: true }),
  vendor({ key: 'instagram', brand: 'Instagram', entities: META, services: ['Instagram'], category: 'social', popularity: 45, parent: 'Meta Platforms, Inc.', dpfCertified: true }),
  vendor({ key: 'whatsapp', brand: 'WhatsApp', aliases: ['WhatsApp Business'], entities: [{ name: 'WhatsApp Ireland Limited', country: 'IE', city: 'Dublin', address: 'Merrion Road, Dublin 4, D04 X2K5' }, { name: 'WhatsApp LLC', country: 'US', city: 'Menlo Park', formerNames: ['WhatsApp Inc.'] }], services: ['WhatsApp', 'WhatsApp Business', 'WhatsApp Business API'], category: 'chat', popularity: 20, parent: 'Meta Platforms, Inc.', dpfCertified: true }),
  vendor({ key: 'facebook-messenger', brand: 'Facebook Messenger', aliases: ['Meta Messenger'], entities: META, category: 'chat', popularity: 3, dpfCertified: true }),

  // Amazon
  vendor({ key: 'aws', brand: 'Amazon Web Services', aliases: ['AWS'], entities: [AWS_LU, AWS_US], services: ['Amazon Web Services', 'Amazon S3', 'Amazon EC2', 'Amazon CloudFront', 'Amazon SES', 'Amazon RDS'], category: 'hosting', popularity: 30, parent: 'Amazon.com, Inc.', dpfCertified: true }),
  vendor({ key: 'amazon-pay', brand: 'Amazon Pay', entities: [{ name: 'Amazon Payments Europe S.C.A.', country: 'LU', city: 'Luxembourg', address: '38 Avenue John F. Kennedy, L-1855 Luxembourg' }], category: 'payment', popularity: 10, parent: 'Amazon.com, Inc.' }),
  vendor({ key: 'amazon-associates', brand: 'Amazon-Partnerprogramm', aliases: ['Amazon Associates', 'Amazon PartnerNet'], entities: [AMAZON_EU], category: 'ads', popularity: 6, parent: 'Amazon.com, Inc.' }),
  vendor({ key: 'amazon-ads', brand: 'Amazon Ads', aliases: ['Amazon Advertising'], entities: [{ name: 'Amazon Online Germany GmbH', country: 'DE', city: 'München' }, AMAZON_EU], category: 'ads', popularity: 3, parent: 'Amazon.com, Inc.' }),

  // Apple
  vendor({ key: 'apple-pay', brand: 'Apple Pay', entities: APPLE, category: 'payment', popularity: 5, dpfCertified: true }),
  vendor({ key: 'icloud', brand: 'iCloud', entities: APPLE, services: ['iCloud', 'iCloud Mail'], category: 'storage', popularity: 2, dpfCertified: true }),

  // Video conferencing
  vendor({ key: 'zoom', brand: 'Zoom', aliases: ['Zoom Meetings', 'Zoom Webinars', 'Zoom Video'], entities: [{ name: 'Zoom Communications, Inc.', country: 'US', city: 'San Jose', address: '55 Almaden Boulevard, Suite 600, San Jose, CA 95113', formerNames: ['Zoom Video Communications, Inc.', 'Zoom Video Communications Inc.'] }, { name: 'Zoom Video Communications Germany GmbH', country: 'DE', city: 'Hamburg' }], services: ['Zoom', 'Zoom Meetings', 'Zoom Webinars', 'Zoom Phone'], category: 'video_conferencing', popularity: 40, dpfCertified: true }),
  vendor({ key: 'webex', brand: 'Webex', aliases: ['Cisco Webex', 'WebEx'], entities: [{ name: 'Cisco International Limited', country: 'GB', city: 'Feltham' }, { name: 'Cisco Systems, Inc.', country: 'US', city: 'San Jose', address: '170 West Tasman Drive, San Jose, CA 95134' }], services: ['Webex', 'Webex Meetings', 'Webex Webinars'], category: 'video_conferencing', popularity: 12, parent: 'Cisco Systems, Inc.', dpfCertified: true }),
  vendor({ key: 'goto', brand: 'GoTo', aliases: ['GoToMeeting', 'GoTo Meeting', 'LogMeIn', 'GoToWebinar'], entities: [{ name: 'GoTo Technologies Ireland Unlimited Company', country: 'IE', city: 'Dublin', formerNames: ['LogMeIn Ireland Unlimited Company', 'LogMeIn Ireland Limited'] }, { name: 'GoTo Technologies USA, Inc.', country: 'US', city: 'Boston', formerNames: ['LogMeIn USA, Inc.', 'LogMeIn, Inc.'] }], services: ['GoTo Meeting', 'GoTo Webinar', 'GoTo Connect'], category: 'video_conferencing', popularity: 8, dpfCertified: true }),
  vendor({ key: 'jitsi', brand: 'Jitsi Meet', aliases: ['Jitsi', 'meet.jit.si', '8x8 Meet'], entities: [{ name: '8x8, Inc.', country: 'US', city: 'Campbell' }], services: ['Jitsi Meet', 'Jitsi as a Service'], category: 'video_conferencing', popularity: 6, selfHostable: true }),
  vendor({ key: 'bigbluebutton', brand: 'BigBlueButton', aliases: ['BBB'], entities: [{ name: 'Blindside Networks Inc.', country: 'CA', city: 'Ottawa' }], category: 'video_conferencing', popularity: 3, selfHostable: true }),
  vendor({ key: 'whereby', brand: 'Whereby', aliases: ['appear.in'], entities: [{ name: 'Video Communication Services AS', country: 'NO', city: 'Oslo' }], category: 'video_conferencing', popularity: 2 }),
  vendor({ key: 'teamviewer', brand: 'TeamViewer', aliases: ['TeamViewer Meeting'], entities: [{ name: 'TeamViewer Germany GmbH', country: 'DE', city: 'Göppingen', address: 'Bahnhofsplatz 2, 73033 Göppingen' }], services: ['TeamViewer', 'TeamViewer Remote', 'TeamViewer Meeting'], category: 'support', popularity: 8 }),
  vendor({ key: 'anydesk', brand: 'AnyDesk', entities: [{ name: 'AnyDesk Software GmbH', country: 'DE', city: 'Stuttgart' }], category: 'support', popularity: 3 }),
  vendor({ key: 'alfaview', brand: 'alfaview', entities: [{ name: 'alfaview GmbH', country: 'DE', city: 'Karlsruhe' }], category: 'video_conferencing', popularity: 2 }),
  vendor({ key: 'eyeson', brand: 'eyeson', entities: [{ name: 'eyeson GmbH', country: 'AT', city: 'Graz' }], category: 'video_conferencing', popularity: 1 }),
  vendor({ key: 'edudip', brand: 'edudip', aliases: ['edudip next'], entities: [{ name: 'edudip GmbH', country: 'DE', city: 'Aachen' }], category: 'video_conferencing', popularity: 2 }),
  vendor({ key: 'livestorm', brand: 'Livestorm', entities: [{ name: 'Livestorm SAS', country: 'FR', city: 'Paris' }], category: 'video_conferencing', popularity: 1 }),
  vendor({ key: 'clickmeeting', brand: 'ClickMeeting', entities: [{ name: 'ClickMeeting Sp. z o.o.', country: 'PL', city: 'Gdańsk' }], category: 'video_conferencing', popularity: 1 }),
  vendor({ key: 'ringcentral', brand: 'RingCentral', aliases: ['RingCentral Video'], entities: [{ name: 'RingCentral, Inc.', country: 'US', city: 'Belmont' }], category: 'video_conferencing', popularity: 1, dpfCertified: true }),
  vendor({ key: 'wire', brand: 'Wire', entities: [{ name: 'Wire Swiss GmbH', country: 'CH', city: 'Zug' }], category: 'chat', popularity: 1 }),

  // Hosting and infrastructure
  vendor({ key: 'hetzner', brand: 'Hetzner', aliases: ['Hetzner Online', 'Hetzner Cloud'], entities: [{ name: 'Hetzner Online GmbH', country: 'DE', city: 'Gunzenhausen', address: 'Industriestr. 25, 91710 Gunzenhausen' }], services: ['Hetzner Cloud', 'Hetzner Dedicated Server', 'Hetzner Storage Box'], category: 'hosting', popularity: 25 }),
  vendor({ key: 'ionos', brand: 'IONOS', aliases: ['1&1', '1&1 IONOS', '1und1'], entities: [{ name: 'IONOS SE', country: 'DE', city: 'Montabaur', address: 'Elgendorfer Str. 57, 56410 Montabaur', formerNames: ['1&1 IONOS SE', '1&1 Internet SE', '1&1 Internet AG'] }], services: ['IONOS Webhosting', 'IONOS Cloud', 'MyWebsite'], category: 'hosting', popularity: 30 }),
  vendor({ key: 'strato', brand: 'STRATO', aliases: ['Strato'], entities: [STRATO], services: ['STRATO Webhosting', 'STRATO HiDrive'], category: 'hosting', popularity: 20 }),
  vendor({ key: 'all-inkl', brand: 'ALL-INKL.COM', aliases: ['All-Inkl', 'ALL-INKL'], entities: [{ name: 'ALL-INKL.COM - Neue Medien Münnich', country: 'DE', city: 'Friedersdorf', address: 'Hauptstraße 68, 02742 Friedersdorf' }], category: 'hosting', popularity: 12 }),
  vendor({ key: 'netcup', brand: 'netcup', entities: [{ name: 'netcup GmbH', country: 'DE', city: 'Karlsruhe', address: 'Daimlerstraße 25, 76185 Karlsruhe' }], category: 'hosting', popularity: 6 }),
  vendor({ key: 'mittwald', brand: 'Mittwald', entities: [{ name: 'Mittwald CM Service GmbH & Co. KG', country: 'DE', city: 'Espelkamp', address: 'Königsberger Straße 4-6, 32339 Espelkamp' }], category: 'hosting', popularity: 6 }),
  vendor({ key: 'host-europe', brand: 'Host Europe', entities: [{ name: 'Host Europe GmbH', country: 'DE', city: 'Köln' }], category: 'hosting', popularity: 5 }),
  vendor({ key: 'domainfactory', brand: 'DomainFactory', aliases: ['df.eu'], entities: [{ name: 'domainfactory GmbH', country: 'DE', city: 'München' }], category: 'hosting', popularity: 4 }),
  vendor({ key: 'contabo', brand: 'Contabo', entities: [{ name: 'Contabo GmbH', country: 'DE', city: 'München' }], category: 'hosting', popularity: 4 }),
  vendor({ key: 'plusserver', brand: 'plusserver', entities: [{ name: 'plusserver GmbH', country: 'DE', city: 'Köln' }], category: 'hosting', popularity: 2 }),
  vendor({ key: 'webgo', brand: 'webgo', entities: [{ name: 'webgo GmbH', country: 'DE', city: 'Hamburg' }], category: 'hosting', popularity: 2 }),
  vendor({ key: 'raidboxes', brand: 'Raidboxes', entities: [{ name: 'RAIDBOXES GmbH', country: 'DE', city: 'Münster' }], category: 'hosting', popularity: 3 }),
  vendor({ key: 'hostinger', brand: 'Hostinger', entities: [{ name: 'Hostinger International Ltd.', country: 'CY', city: 'Larnaca' }], category: 'hosting', popularity: 2 }),
  vendor({ key: 'ovh', brand: 'OVHcloud', aliases: ['OVH'], entities: [{ name: 'OVH SAS', country: 'FR', city: 'Roubaix', address: '2 rue Kellermann, 59100 Roubaix' }, { name: 'OVH GmbH', country: 'DE', city: 'Saarbrücken' }], category: 'hosting', popularity: 5 }),
  vendor({ key: 'scaleway', brand: 'Scaleway', aliases: ['Online SAS'], entities: [{ name: 'Scaleway SAS', country: 'FR', city: 'Paris', address: '8 rue de la Ville l’Evêque, 75008 Paris' }], category: 'hosting', popularity: 2 }),
  vendor({ key: 'open-telekom-cloud', brand: 'Open Telekom Cloud', aliases: ['OTC'], entities: [{ name: 'T-Systems International GmbH', country: 'DE', city: 'Frankfurt am Main', address: 'Hahnstraße 43d, 60528 Frankfurt am Main' }], category: 'hosting', popularity: 2, parent: 'Deutsche Telekom AG' }),
  vendor({ key: 'stackit', brand: 'STACKIT', entities: [{ name: 'STACKIT GmbH & Co. KG', country: 'DE', city: 'Neckarsulm' }], category: 'hosting', popularity: 1, parent: 'Schwarz Digits KG' }),
  vendor({ key: 'digitalocean', brand: 'DigitalOcean', entities: [{ name: 'DigitalOcean, LLC', country: 'US', city: 'New York' }], category: 'hosting', popularity: 3, dpfCertified: true }),
  vendor({ key: 'linode', brand: 'Linode', aliases: ['Akamai Connected Cloud'], entities: [{ name: 'Linode LLC', country: 'US', city: 'Philadelphia' }], category: 'hosting', popularity: 1, parent: 'Akamai Technologies, Inc.' }),
  vendor({ key: 'heroku', brand: 'Heroku', entities: [SALESFORCE_US], category: 'hosting', popularity: 1, parent: 'Salesforce, Inc.', dpfCertified: true }),
  vendor({ key: 'vercel', brand: 'Vercel', entities: [{ name: 'Vercel Inc.', country: 'US', city: 'Covina', address: '440 N Barranca Ave #4133, Covina, CA 91723' }], category: 'hosting', popularity: 5, dpfCertified: true }),
  vendor({ key: 'netlify', brand: 'Netlify', entities: [{ name: 'Netlify, Inc.', country: 'US', city: 'San Francisco' }], category: 'hosting', popularity: 4, dpfCertified: true }),
  vendor({ key: 'wp-engine', brand: 'WP Engine', entities: [{ name: 'WPEngine, Inc.', country: 'US', city: 'Austin' }], category: 'hosting', popularity: 1 }),
  vendor({ key: 'wix', brand: 'Wix', aliases: ['Wix.com'], entities: [{ name: 'Wix.com Ltd.', country: 'IL', city: 'Tel Aviv', address: '40 Namal Tel Aviv St., Tel Aviv 6350671' }], category: 'hosting', popularity: 12 }),
  vendor({ key: 'squarespace', brand: 'Squarespace', entities: [{ name: 'Squarespace Ireland Limited', country: 'IE', city: 'Dublin', address: 'Le Pole House, Ship Street Great, Dublin 8' }, { name: 'Squarespace, Inc.', country: 'US', city: 'New York' }], category: 'hosting', popularity: 6, dpfCertified: true }),
  vendor({ key: 'jimdo', brand: 'Jimdo', entities: [{ name: 'Jimdo GmbH', country: 'DE', city: 'Hamburg', address: 'Stresemannstraße 375, 22761 Hamburg' }], category: 'hosting', popularity: 8 }),
  vendor({ key: 'webflow', brand: 'Webflow', entities: [{ name: 'Webflow, Inc.', country: 'US', city: 'San Francisco' }], category: 'hosting', popularity: 3, dpfCertified: true }),
  vendor({ key: 'wordpress-com', brand: 'WordPress.com', aliases: ['Jetpack', 'WordPress Stats'], entities: [AUTOMATTIC_IE, AUTOMATTIC_US], services: ['WordPress.com', 'Jetpack', 'WordPress.com Stats'], category: 'hosting', popularity: 8, dpfCertified: true }),
  vendor({ key: 'akismet', brand: 'Akismet', entities: [AUTOMATTIC_IE, AUTOMATTIC_US], category: 'other', popularity: 8, parent: 'Automattic Inc.', dpfCertified: true }),
  vendor({ key: 'gravatar', brand: 'Gravatar', entities: [AUTOMATTIC_IE, AUTOMATTIC_US], category: 'other', popularity: 6, parent: 'Automattic Inc.', dpfCertified: true }),
  vendor({ key: 'shopify', brand: 'Shopify', entities: [{ name: 'Shopify International Limited', country: 'IE', city: 'Dublin', address: 'Victoria Buildings, 1-2 Haddington Road, Dublin 4, D04 XN32' }, { name: 'Shopify Inc.', country: 'CA', city: 'Ottawa' }], services: ['Shopify', 'Shopify Payments', 'Shop Pay'], category: 'hosting', popularity: 10 }),

  // CDN
  vendor({ key: 'cloudflare', brand: 'Cloudflare', aliases: ['cdnjs'], entities: [CLOUDFLARE, { name: 'Cloudflare Germany GmbH', country: 'DE', city: 'München' }], services: ['Cloudflare CDN', 'Cloudflare Web Analytics', 'cdnjs', 'Cloudflare Workers', 'Cloudflare Pages'], category: 'cdn', popularity: 35, dpfCertified: true }),
  vendor({ key: 'cloudflare-turnstile', brand: 'Cloudflare Turnstile', aliases: ['Turnstile'], entities: [CLOUDFLARE], category: 'captcha', popularity: 4, parent: 'Cloudflare, Inc.', dpfCertified: true }),
  vendor({ key: 'bunny', brand: 'Bunny.net', aliases: ['BunnyCDN', 'bunny.net', 'Bunny Fonts'], entities: [{ name: 'BunnyWay d.o.o.', country: 'SI', city: 'Medvode', address: 'Cesta komandanta Staneta 4A, 1215 Medvode' }], services: ['BunnyCDN', 'Bunny Fonts', 'Bunny Stream'], category: 'cdn', popularity: 5 }),
  vendor({ key: 'akamai', brand: 'Akamai', entities: [{ name: 'Akamai Technologies GmbH', country: 'DE', city: 'München' }, { name: 'Akamai Technologies, Inc.', country: 'US', city: 'Cambridge' }], category: 'cdn', popularity: 4, dpfCertified: true }),
  vendor({ key: 'fastly', brand: 'Fastly', entities: [{ name: 'Fastly, Inc.', country: 'US', city: 'San Francisco' }], category: 'cdn', popularity: 2, dpfCertified: true }),

  // Fonts and maps
  vendor({ key: 'adobe-fonts', brand: 'Adobe Fonts', aliases: ['Typekit', 'Adobe Typekit'], entities: [{ name: 'Adobe Systems Software Ireland Limited', country: 'IE', city: 'Dublin', address: '4-6 Riverwalk, Citywest Business Campus, Dublin 24' }, { name: 'Adobe Inc.', country: 'US', city: 'San Jose' }], category: 'fonts_maps', popularity: 8, parent: 'Adobe Inc.', dpfCertified: true }),
  vendor({ key: 'font-awesome', brand: 'Font Awesome', entities: [{ name: 'Fonticons, Inc.', country: 'US', city: 'Bentonville' }], category: 'fonts_maps', popularity: 12 }),
  vendor({ key: 'mapbox', brand: 'Mapbox', entities: [{ name: 'Mapbox, Inc.', country: 'US', city: 'Washington', address: '740 15th Street NW, 5th Floor, Washington, DC 20005' }], category: 'fonts_maps', popularity: 4, dpfCertified: true }),
  vendor({ key: 'openstreetmap', brand: 'OpenStreetMap', aliases: ['OSM'], entities: [{ name: 'OpenStreetMap Foundation', country: 'GB', city: 'Cambridge', address: 'St John’s Innovation Centre, Cowley Road, Cambridge, CB4 0WS' }], category: 'fonts_maps', popularity: 12, selfHostable: true }),
  vendor({ key: 'here', brand: 'HERE', aliases: ['HERE WeGo', 'HERE Maps'], entities: [{ name: 'HERE Global B.V.', country: 'NL', city: 'Eindhoven' }], category: 'fonts_maps', popularity: 1 }),
  vendor({ key: 'maptiler', brand: 'MapTiler', entities: [{ name: 'MapTiler AG', country: 'CH', city: 'Zug' }], category: 'fonts_maps', popularity: 1 }),

  // Analytics
  vendor({ key: 'matomo', brand: 'Matomo', aliases: ['Piwik', 'Matomo Cloud', 'Matomo Analytics'], entities: [{ name: 'InnoCraft Ltd.', country: 'NZ', city: 'Wellington', address: '7 Waterloo Quay PO625, 6140 Wellington' }], services: ['Matomo', 'Matomo Cloud', 'Matomo On-Premise'], category: 'analytics', popularity: 25, selfHostable: true }),
  vendor({ key: 'plausible', brand: 'Plausible Analytics', aliases: ['Plausible', 'Plausible CE'], entities: [{ name: 'Plausible Insights OÜ', country: 'EE', city: 'Tartu', address: 'Västriku tn 2, 50403 Tartu' }], category: 'analytics', popularity: 5, selfHostable: true }),
  vendor({ key: 'etracker', brand: 'etracker', aliases: ['etracker Analytics'], entities: [{ name: 'etracker GmbH', country: 'DE', city: 'Hamburg', address: 'Alter Wall 65, 20457 Hamburg' }], category: 'analytics', popularity: 6 }),
  vendor({ key: 'hotjar', brand: 'Hotjar', entities: [{ name: 'Hotjar Ltd.', country: 'MT', city: 'St Julian’s', address: 'Dragonara Business Centre, 5th Floor, Dragonara Road, Paceville St Julian’s STJ 3141' }], category: 'analytics', popularity: 12, parent: 'Contentsquare SAS' }),
  vendor({ key: 'contentsquare', brand: 'Contentsquare', entities: [{ name: 'Contentsquare SAS', country: 'FR', city: 'Paris' }], category: 'analytics', popularity: 2 }),
  vendor({ key: 'adobe-analytics', brand: 'Adobe Analytics', aliases: ['Omniture', 'Adobe Experience Cloud'], entities: [{ name: 'Adobe Systems Software Ireland Limited', country: 'IE', city: 'Dublin', address: '4-6 Riverwalk, Citywest Business Campus, Dublin 24' }, { name: 'Adobe Inc.', country: 'US', city: 'San Jose' }], services: ['Adobe Analytics', 'Adobe Target', 'Adobe Experience Platform'], category: 'analytics', popularity: 5, parent: 'Adobe Inc.', dpfCertified: true }),
  vendor({ key: 'mixpanel', brand: 'Mixpanel', entities: [{ name: 'Mixpanel, Inc.', country: 'US', city: 'San Francisco' }], category: 'analytics', popularity: 2, dpfCertified: true }),
  vendor({ key: 'amplitude', brand: 'Amplitude', entities: [{ name: 'Amplitude, Inc.', country: 'US', city: 'San Francisco' }], category: 'analytics', popularity: 2, dpfCertified: true }),
  vendor({ key: 'posthog', brand: 'PostHog', entities: [{ name: 'PostHog, Inc.', country: 'US', city: 'San Francisco' }], category: 'analytics', popularity: 2, selfHostable: true, dpfCertified: true }),
  vendor({ key: 'econda', brand: 'econda', entities: [{ name: 'econda GmbH', country: 'DE', city: 'Karlsruhe' }], category: 'analytics', popularity: 2 }),
  vendor({ key: 'piwik-pro', brand: 'Piwik PRO', entities: [{ name: 'Piwik PRO GmbH', country: 'DE', city: 'Berlin' }, { name: 'Piwik PRO S.A.', country: 'PL', city: 'Wrocław' }], category: 'analytics', popularity: 2 }),
  vendor({ key: 'mouseflow', brand: 'Mouseflow', entities: [{ name: 'Mouseflow ApS', country: 'DK', city: 'Kopenhagen' }], category: 'analytics', popularity: 2 }),
  vendor({ key: 'wiredminds', brand: 'WiredMinds', aliases: ['LeadLab'], entities: [{ name: 'WiredMinds GmbH', country: 'DE', city: 'Stuttgart' }], category: 'analytics', popularity: 2 }),
  vendor({ key: 'leadinfo', brand: 'Leadinfo', entities: [{ name: 'Leadinfo B.V.', country: 'NL', city: 'Rotterdam' }], category: 'analytics', popularity: 2 }),
  vendor({ key: 'leadfeeder', brand: 'Leadfeeder', aliases: ['Dealfront'], entities: [{ name: 'Leadfeeder Oy', country: 'FI', city: 'Helsinki' }], category: 'analytics', popularity: 2 }),
  vendor({ key: 'simple-analytics', brand: 'Simple Analytics', entities: [{ name: 'Simple Analytics B.V.', country: 'NL', city: 'Amsterdam' }], category: 'analytics', popularity: 1 }),
  vendor({ key: 'fathom', brand: 'Fathom Analytics', aliases: ['Fathom'], entities: [{ name: 'Conva Ventures Inc.', country: 'CA', city: 'Vancouver' }], category: 'analytics', popularity: 1 }),
  vendor({ key: 'segment', brand: 'Segment', aliases: ['Twilio Segment'], entities: TWILIO, category: 'analytics', popularity: 1, parent: 'Twilio Inc.', dpfCertified: true }),
  vendor({ key: 'yandex-metrica', brand: 'Yandex Metrica', aliases: ['Yandex.Metrica', 'Yandex Metrika'], entities: [{ name: 'YANDEX LLC', country: 'RU', city: 'Moskau' }], category: 'analytics', popularity: 1 }),

  // Advertising and affiliate networks
  vendor({ key: 'tiktok', brand: 'TikTok', aliases: ['TikTok Pixel'], entities: [{ name: 'TikTok Technology Limited', country: 'IE', city: 'Dublin', address: '10 Earlsfort Terrace, Dublin, D02 T380' }, { name: 'TikTok Information Technologies UK Limited', country: 'GB', city: 'London' }], services: ['TikTok', 'TikTok Pixel', 'TikTok Ads'], category: 'social', popularity: 12 }),
  vendor({ key: 'pinterest', brand: 'Pinterest', aliases: ['Pinterest Tag'], entities: [{ name: 'Pinterest Europe Ltd.', country: 'IE', city: 'Dublin', address: 'Palmerston House, 2nd Floor, Fenian Street, Dublin 2' }, { name: 'Pinterest, Inc.', country: 'US', city: 'San Francisco' }], services: ['Pinterest', 'Pinterest Tag'], category: 'social', popularity: 12, dpfCertified: true }),
  vendor({ key: 'x', brand: 'X', aliases: ['Twitter', 'X (Twitter)', 'X (vormals Twitter)', 'Twitter Ads'], entities: [{ name: 'Twitter International Unlimited Company', country: 'IE', city: 'Dublin', address: 'One Cumberland Place, Fenian Street, Dublin 2, D02 AX07' }, { name: 'X Corp.', country: 'US', formerNames: ['Twitter, Inc.', 'Twitter Inc.'] }], services: ['X', 'Twitter', 'X Ads', 'Twitter Conversion Tracking'], category: 'social', popularity: 25 }),
  vendor({ key: 'snapchat', brand: 'Snapchat', aliases: ['Snap Pixel'], entities: [{ name: 'Snap B.V.', country: 'NL', city: 'Amsterdam' }, { name: 'Snap Inc.', country: 'US', city: 'Santa Monica' }], category: 'ads', popularity: 3, dpfCertified: true }),
  vendor({ key: 'reddit', brand: 'Reddit', aliases: ['Reddit Pixel'], entities: [{ name: 'Reddit, Inc.', country: 'US', city: 'San Francisco' }], category: 'ads', popularity: 1 }),
  vendor({ key: 'criteo', brand: 'Criteo', entities: [{ name: 'Criteo SA', country: 'FR', city: 'Paris', address: '32 rue Blanche, 75009 Paris' }], category: 'ads', popularity: 5 }),
  vendor({ key: 'taboola', brand: 'Taboola', entities: [{ name: 'Taboola, Inc.', country: 'US', city: 'New York' }], category: 'ads', popularity: 2, dpfCertified: true }),
  vendor({ key: 'outbrain', brand: 'Outbrain', entities: [{ name: 'Outbrain Inc.', country: 'US', city: 'New York' }], category: 'ads', popularity: 2, dpfCertified: true }),
  vendor({ key: 'awin', brand: 'AWIN', aliases: ['Awin', 'zanox', 'affilinet'], entities: [{ name: 'AWIN AG', country: 'DE', city: 'Berlin', address: 'Eichhornstraße 3, 10785 Berlin' }], category: 'ads', popularity: 5 }),
  vendor({ key: 'adcell', brand: 'ADCELL', entities: [{ name: 'Firstlead GmbH', country: 'DE', city: 'Berlin' }], category: 'ads', popularity: 2 }),
  vendor({ key: 'xandr', brand: 'Xandr', aliases: ['AppNexus', 'Microsoft Invest'], entities: [{ name: 'Xandr, Inc.', country: 'US', city: 'New York', formerNames: ['AppNexus Inc.'] }], category: 'ads', popularity: 1, parent: 'Microsoft Corporation' }),
  vendor({ key: 'the-trade-desk', brand: 'The Trade Desk', entities: [{ name: 'The Trade Desk, Inc.', country: 'US', city: 'Ventura' }], category: 'ads', popularity: 1 }),

  // Social networks and media
  vendor({ key: 'xing', brand: 'XING', aliases: ['Xing'], entities: [NEW_WORK], category: 'social', popularity: 8, parent: 'Hubert Burda Media Holding KG' }),
  vendor({ key: 'kununu', brand: 'kununu', entities: [NEW_WORK], category: 'social', popularity: 3, parent: 'New Work SE' }),
  vendor({ key: 'vimeo', brand: 'Vimeo', entities: [{ name: 'Vimeo.com, Inc.', country: 'US', city: 'New York', address: '330 West 34th Street, 5th Floor, New York, NY 10001', formerNames: ['Vimeo, Inc.', 'Vimeo LLC'] }], services: ['Vimeo', 'Vimeo Player'], category: 'other', popularity: 20, dpfCertified: true }),
  vendor({ key: 'spotify', brand: 'Spotify', entities: [{ name: 'Spotify AB', country: 'SE', city: 'Stockholm', address: 'Regeringsgatan 19, 111 53 Stockholm' }], category: 'social', popularity: 4 }),
  vendor({ key: 'soundcloud', brand: 'SoundCloud', entities: [{ name: 'SoundCloud Global Limited & Co. KG', country: 'DE', city: 'Berlin', address: 'Rheinsberger Str. 76/77, 10115 Berlin' }], category: 'social', popularity: 3 }),
  vendor({ key: 'discord', brand: 'Discord', entities: [{ name: 'Discord Netherlands B.V.', country: 'NL', city: 'Amsterdam' }, { name: 'Discord Inc.', country: 'US', city: 'San Francisco' }], category: 'chat', popularity: 2 }),
  vendor({ key: 'twitch', brand: 'Twitch', entities: [{ name: 'Twitch Interactive, Inc.', country: 'US', city: 'San Francisco' }], category: 'social', popularity: 1, parent: 'Amazon.com, Inc.' }),

  // Messengers and chat
  vendor({ key: 'slack', brand: 'Slack', entities: [{ name: 'Slack Technologies Limited', country: 'IE', city: 'Dublin', address: 'One Park Place, Hatch Street Upper, Dublin 2' }, { name: 'Slack Technologies, LLC', country: 'US', city: 'San Francisco', formerNames: ['Slack Technologies, Inc.'] }], category: 'chat', popularity: 8, parent: 'Salesforce, Inc.', dpfCertified: true }),
  vendor({ key: 'telegram', brand: 'Telegram', entities: [{ name: 'Telegram FZ-LLC', country: 'AE', city: 'Dubai' }], category: 'chat', popularity: 4 }),
  vendor({ key: 'signal', brand: 'Signal', entities: [{ name: 'Signal Messenger, LLC', country: 'US', city: 'Mountain View' }], category: 'chat', popularity: 2 }),
  vendor({ key: 'threema', brand: 'Threema', aliases: ['Threema Work'], entities: [{ name: 'Threema GmbH', country: 'CH', city: 'Pfäffikon SZ', address: 'Churerstrasse 82, 8808 Pfäffikon SZ' }], category: 'chat', popularity: 3 }),
  vendor({ key: 'rocket-chat', brand: 'Rocket.Chat', entities: [{ name: 'Rocket.Chat Technologies Corp.', country: 'US', city: 'Wilmington' }], category: 'chat', popularity: 1, selfHostable: true }),
  vendor({ key: 'mattermost', brand: 'Mattermost', entities: [{ name: 'Mattermost, Inc.', country: 'US', city: 'Palo Alto' }], category: 'chat', popularity: 1, selfHostable: true }),
  vendor({ key: 'element', brand: 'Element', aliases: ['Riot.im'], entities: [{ name: 'New Vector Limited', country: 'GB', city: 'London' }], category: 'chat', popularity: 1, selfHostable: true }),
  // the open protocol and its reference server, stewarded by a foundation apart from Element's maker
  vendor({ key: 'matrix', brand: 'Matrix', aliases: ['Matrix.org', 'Synapse'], entities: [{ name: 'The Matrix.org Foundation C.I.C.', country: 'GB', city: 'London' }], category: 'chat', popularity: 1, selfHostable: true }),
  vendor({ key: 'humhub', brand: 'HumHub', entities: [{ name: 'HumHub GmbH', country: 'DE' }], category: 'social', popularity: 1, selfHostable: true }),
  vendor({ key: 'discourse', brand: 'Discourse', entities: [{ name: 'Civilized Discourse Construction Kit, Inc.', country: 'US' }], category: 'chat', popularity: 1, selfHostable: true }),
  vendor({ key: 'userlike', brand: 'Userlike', entities: [{ name: 'Userlike UG (haftungsbeschränkt)', country: 'DE', city: 'Köln', address: 'Probsteigasse 44-46, 50670 Köln' }], category: 'chat', popularity: 4 }),
  vendor({ key: 'livechat', brand: 'LiveChat', entities: [{ name: 'Text S.A.', country: 'PL', city: 'Wrocław', formerNames: ['LiveChat Software S.A.'] }], category: 'chat', popularity: 2 }),
  vendor({ key: 'crisp', brand: 'Crisp', entities: [{ name: 'Crisp IM SAS', country: 'FR', city: 'Nantes' }], category: 'chat', popularity: 1 }),
  vendor({ key: 'tidio', brand: 'Tidio', entities: [{ name: 'Tidio LLC', country: 'US', city: 'San Francisco' }], category: 'chat', popularity: 2 }),
  vendor({ key: 'tawk', brand: 'tawk.to', entities: [{ name: 'tawk.to inc.', country: 'US', city: 'Wilmington' }], category: 'chat', popularity: 2 }),

  // Customer support
  vendor({ key: 'zendesk', brand: 'Zendesk', entities: [{ name: 'Zendesk, Inc.', country: 'US', city: 'San Francisco', address: '989 Market Street, San Francisco, CA 94103' }], services: ['Zendesk', 'Zendesk Support', 'Zendesk Chat'], category: 'support', popularity: 6, dpfCertified: true }),
  vendor({ key: 'intercom', brand: 'Intercom', entities: [{ name: 'Intercom R&D Unlimited Company', country: 'IE', city: 'Dublin', address: '2nd Floor, Stephen Court, 18-21 St. Stephen’s Green, Dublin 2' }, { name: 'Intercom, Inc.', country: 'US', city: 'San Francisco' }], category: 'support', popularity: 4, dpfCertified: true }),
  vendor({ key: 'freshdesk', brand: 'Freshdesk', aliases: ['Freshchat'], entities: FRESHWORKS, category: 'support', popularity: 2, parent: 'Freshworks Inc.', dpfCertified: true }),
  vendor({ key: 'zammad', brand: 'Zammad', entities: [{ name: 'Zammad GmbH', country: 'DE', city: 'Berlin' }, { name: 'Zammad Foundation', country: 'DE', city: 'Berlin' }], category: 'support', popularity: 1, selfHostable: true }),
  vendor({ key: 'help-scout', brand: 'Help Scout', entities: [{ name: 'Help Scout PBC', country: 'US', city: 'Boston' }], category: 'support', popularity: 1 }),

  // CRM and sales
  vendor({ key: 'hubspot', brand: 'HubSpot', entities: [{ name: 'HubSpot Ireland Limited', country: 'IE', city: 'Dublin', address: '1 Sir John Rogerson’s Quay, Dublin 2' }, { name: 'HubSpot, Inc.', country: 'US', city: 'Cambridge', address: '2 Canal Park, Cambridge, MA 02141' }], services: ['HubSpot CRM', 'HubSpot Marketing Hub', 'HubSpot Forms'], category: 'crm', popularity: 14, dpfCertified: true }),
  vendor({ key: 'salesforce', brand: 'Salesforce', aliases: ['Salesforce Sales Cloud', 'Pardot'], entities: [{ name: 'Salesforce.com Germany GmbH', country: 'DE', city: 'München' }, SALESFORCE_US], services: ['Sales Cloud', 'Service Cloud', 'Marketing Cloud', 'Pardot'], category: 'crm', popularity: 8, dpfCertified: true }),
  vendor({ key: 'pipedrive', brand: 'Pipedrive', entities: [{ name: 'Pipedrive OÜ', country: 'EE', city: 'Tallinn' }], category: 'crm', popularity: 3 }),
  vendor({ key: 'zoho-crm', brand: 'Zoho CRM', aliases: ['Zoho'], entities: ZOHO, services: ['Zoho CRM', 'Zoho Mail', 'Zoho Forms'], category: 'crm', popularity: 2 }),
  vendor({ key: 'dynamics-365', brand: 'Microsoft Dynamics 365', aliases: ['Dynamics 365', 'Dynamics CRM'], entities: MICROSOFT, category: 'crm', popularity: 3, dpfCertified: true }),
  vendor({ key: 'sap', brand: 'SAP', aliases: ['SAP S/4HANA', 'SAP SuccessFactors'], entities: [SAP], services: ['SAP S/4HANA', 'SAP SuccessFactors', 'SAP Customer Experience'], category: 'crm', popularity: 4 }),
  vendor({ key: 'monday', brand: 'monday.com', entities: [{ name: 'monday.com Ltd.', country: 'IL', city: 'Tel Aviv' }], category: 'crm', popularity: 2 }),
  vendor({ key: 'activecampaign', brand: 'ActiveCampaign', aliases: ['Postmark'], entities: [{ name: 'ActiveCampaign, LLC', country: 'US', city: 'Chicago' }], services: ['ActiveCampaign', 'Postmark'], category: 'crm', popularity: 3, dpfCertified: true }),
  vendor({ key: 'centralstation', brand: 'CentralStationCRM', entities: [{ name: '42he GmbH', country: 'DE', city: 'Köln' }], category: 'crm', popularity: 1 }),
  vendor({ key: 'weclapp', brand: 'weclapp', entities: [{ name: 'weclapp SE', country: 'DE', city: 'Marburg', formerNames: ['weclapp GmbH'] }], category: 'crm', popularity: 1 }),
  vendor({ key: 'odoo', brand: 'Odoo', entities: [{ name: 'Odoo S.A.', country: 'BE', city: 'Ramillies' }], category: 'crm', popularity: 1, selfHostable: true }),

  // E-mail
  vendor({ key: 'fastmail', brand: 'Fastmail', entities: [{ name: 'Fastmail Pty Ltd', country: 'AU', city: 'Melbourne', address: 'Level 2, 114 William Street, Melbourne VIC 3000' }], category: 'email', popularity: 1 }),
  vendor({ key: 'mailbox-org', brand: 'mailbox.org', entities: [{ name: 'Heinlein Hosting GmbH', country: 'DE', city: 'Berlin' }], category: 'email', popularity: 2 }),
  vendor({ key: 'posteo', brand: 'Posteo', entities: [{ name: 'Posteo e.K.', country: 'DE', city: 'Berlin' }], category: 'email', popularity: 1 }),
  vendor({ key: 'tuta', brand: 'Tuta', aliases: ['Tutanota'], entities: [{ name: 'Tutao GmbH', country: 'DE', city: 'Hannover' }], category: 'email', popularity: 1 }),
  vendor({ key: 'proton', brand: 'Proton', aliases: ['Proton Mail', 'ProtonMail'], entities: [{ name: 'Proton AG', country: 'CH', city: 'Plan-les-Ouates' }], services: ['Proton Mail', 'Proton Drive'], category: 'email', popularity: 1 }),
  vendor({ key: 'gmx', brand: 'GMX', aliases: ['WEB.DE'], entities: [UNITED_INTERNET_MAIL], services: ['GMX', 'WEB.DE'], category: 'email', popularity: 2 }),
  vendor({ key: 'sendgrid', brand: 'SendGrid', aliases: ['Twilio SendGrid'], entities: TWILIO, category: 'email', popularity: 3, parent: 'Twilio Inc.', dpfCertified: true }),
  vendor({ key: 'mailgun', brand: 'Mailgun', entities: [{ name: 'Mailgun Technologies, Inc.', country: 'US', city: 'San Antonio' }], category: 'email', popularity: 2, dpfCertified: true }),
  vendor({ key: 'telekom-mail', brand: 'Telekom', aliases: ['T-Online', 'MagentaCLOUD'], entities: [TELEKOM], services: ['T-Online Mail', 'MagentaCLOUD'], category: 'email', popularity: 2, parent: 'Deutsche Telekom AG' }),

  // Newsletter
  vendor({ key: 'mailchimp', brand: 'Mailchimp', aliases: ['MailChimp', 'Intuit Mailchimp', 'Mandrill'], entities: [{ name: 'The Rocket Science Group LLC', country: 'US', city: 'Atlanta', address: '405 N Angier Ave. NE, Atlanta, GA 30308' }], services: ['Mailchimp', 'Mandrill'], category: 'newsletter', popularity: 30, parent: 'Intuit Inc.', dpfCertified: true }),
  vendor({ key: 'brevo', brand: 'Brevo', aliases: ['Sendinblue', 'Newsletter2Go'], entities: [{ name: 'Sendinblue GmbH', country: 'DE', city: 'Berlin', address: 'Köpenicker Str. 126, 10179 Berlin', formerNames: ['Newsletter2Go GmbH'] }, { name: 'Sendinblue SAS', country: 'FR', city: 'Paris', address: '106 boulevard Haussmann, 75008 Paris' }], services: ['Brevo', 'Sendinblue', 'Newsletter2Go'], category: 'newsletter', popularity: 15 }),
  vendor({ key: 'cleverreach', brand: 'CleverReach', entities: [{ name: 'CleverReach GmbH & Co. KG', country: 'DE', city: 'Rastede', address: 'Schafjückenweg 2, 26180 Rastede' }], category: 'newsletter', popularity: 12 }),
  vendor({ key: 'rapidmail', brand: 'rapidmail', entities: [{ name: 'rapidmail GmbH', country: 'DE', city: 'Freiburg im Breisgau', address: 'Augustinerplatz 2, 79098 Freiburg i.Br.' }], category: 'newsletter', popularity: 6 }),
  vendor({ key: 'mailerlite', brand: 'MailerLite', entities: [{ name: 'MailerLite Limited', country: 'IE', city: 'Dublin' }], category: 'newsletter', popularity: 3 }),
  vendor({ key: 'getresponse', brand: 'GetResponse', entities: [{ name: 'GetResponse S.A.', country: 'PL', city: 'Gdańsk' }], category: 'newsletter', popularity: 2 }),
  vendor({ key: 'klick-tipp', brand: 'Klick-Tipp', entities: [{ name: 'KLICK-TIPP LIMITED', country: 'GB', city: 'London' }], category: 'newsletter', popularity: 3 }),
  vendor({ key: 'mailjet', brand: 'Mailjet', entities: [{ name: 'Mailjet SAS', country: 'FR', city: 'Paris' }], category: 'newsletter', popularity: 2, parent: 'Sinch AB' }),
  vendor({ key: 'klaviyo', brand: 'Klaviyo', entities: [{ name: 'Klaviyo, Inc.', country: 'US', city: 'Boston' }], category: 'newsletter', popularity: 3, dpfCertified: true }),
  vendor({ key: 'inxmail', brand: 'Inxmail', entities: [{ name: 'Inxmail GmbH', country: 'DE', city: 'Freiburg' }], category: 'newsletter', popularity: 2 }),
  vendor({ key: 'evalanche', brand: 'Evalanche', entities: [{ name: 'SC-Networks GmbH', country: 'DE', city: 'Starnberg' }], category: 'newsletter', popularity: 1 }),
  vendor({ key: 'emarsys', brand: 'Emarsys', entities: [{ name: 'Emarsys eMarketing Systems GmbH', country: 'AT', city: 'Wien' }], category: 'newsletter', popularity: 1, parent: 'SAP SE' }),
  vendor({ key: 'kit', brand: 'Kit', aliases: ['ConvertKit'], entities: [{ name: 'ConvertKit LLC', country: 'US', city: 'Boise' }], category: 'newsletter', popularity: 1 }),

  // Payment
  vendor({ key: 'paypal', brand: 'PayPal', aliases: ['PayPal Plus', 'PayPal Checkout', 'Braintree'], entities: [{ name: 'PayPal (Europe) S.à r.l. et Cie, S.C.A.', country: 'LU', city: 'Luxembourg', address: '22-24 Boulevard Royal, L-2449 Luxembourg' }, { name: 'PayPal, Inc.', country: 'US', city: 'San Jose' }], services: ['PayPal', 'PayPal Checkout', 'PayPal Ratenzahlung', 'Braintree'], category: 'payment', popularity: 35, parent: 'PayPal Holdings, Inc.', dpfCertified: true }),
  vendor({ key: 'liberapay', brand: 'Liberapay', entities: [{ name: 'Liberapay', country: 'FR' }], category: 'payment', popularity: 1 }),
  vendor({ key: 'stripe', brand: 'Stripe', entities: [{ name: 'Stripe Payments Europe, Limited', country: 'IE', city: 'Dublin', address: '1 Grand Canal Street Lower, Grand Canal Dock, Dublin, D02 H210' }, { name: 'Stripe, Inc.', country: 'US', city: 'South San Francisco' }], services: ['Stripe', 'Stripe Checkout', 'Stripe Billing'], category: 'payment', popularity: 20, dpfCertified: true }),
  vendor({ key: 'klarna', brand: 'Klarna', aliases: ['Sofort', 'Sofortüberweisung', 'SOFORT'], entities: [{ name: 'Klarna Bank AB (publ)', country: 'SE', city: 'Stockholm', address: 'Sveavägen 46, 111 34 Stockholm' }, { name: 'SOFORT GmbH', country: 'DE', city: 'München' }], services: ['Klarna', 'Klarna Rechnungskauf', 'Sofortüberweisung'], category: 'payment', popularity: 15 }),
  vendor({ key: 'mollie', brand: 'Mollie', entities: [{ name: 'Mollie B.V.', country: 'NL', city: 'Amsterdam', address: 'Keizersgracht 126, 1015 CW Amsterdam' }], category: 'payment', popularity: 5 }),
  vendor({ key: 'adyen', brand: 'Adyen', entities: [{ name: 'Adyen N.V.', country: 'NL', city: 'Amsterdam', address: 'Simon Carmiggeltstraat 6-50, 1011 DJ Amsterdam' }], category: 'payment', popularity: 4 }),
  vendor({ key: 'unzer', brand: 'Unzer', aliases: ['Heidelpay'], entities: [{ name: 'Unzer GmbH', country: 'DE', city: 'Heidelberg', formerNames: ['heidelpay GmbH'] }], category: 'payment', popularity: 3 }),
  vendor({ key: 'payone', brand: 'PAYONE', entities: [{ name: 'PAYONE GmbH', country: 'DE', city: 'Frankfurt am Main' }], category: 'payment', popularity: 3 }),
  vendor({ key: 'computop', brand: 'Computop', entities: [{ name: 'Computop Wirtschaftsinformatik GmbH', country: 'DE', city: 'Bamberg' }], category: 'payment', popularity: 1 }),
  vendor({ key: 'ratepay', brand: 'Ratepay', entities: [{ name: 'Ratepay GmbH', country: 'DE', city: 'Berlin' }], category: 'payment', popularity: 2 }),
  vendor({ key: 'paddle', brand: 'Paddle', entities: [{ name: 'Paddle.com Market Limited', country: 'GB', city: 'London' }], category: 'payment', popularity: 1 }),
  vendor({ key: 'digistore24', brand: 'Digistore24', entities: [{ name: 'Digistore24 GmbH', country: 'DE', city: 'Hildesheim' }], category: 'payment', popularity: 3 }),

  // Scheduling
  vendor({ key: 'calendly', brand: 'Calendly', entities: [{ name: 'Calendly LLC', country: 'US', city: 'Buford', address: '115 E Main St, Ste A1B, Buford, GA 30518' }], category: 'scheduling', popularity: 12, dpfCertified: true }),
  vendor({ key: 'doodle', brand: 'Doodle', entities: [{ name: 'Doodle AG', country: 'CH', city: 'Zürich' }], category: 'scheduling', popularity: 4 }),
  vendor({ key: 'cal-com', brand: 'Cal.com', entities: [{ name: 'Cal.com, Inc.', country: 'US', city: 'San Francisco' }], category: 'scheduling', popularity: 1, selfHostable: true }),
  vendor({ key: 'acuity', brand: 'Acuity Scheduling', entities: [{ name: 'Squarespace, Inc.', country: 'US', city: 'New York' }], category: 'scheduling', popularity: 1, parent: 'Squarespace, Inc.', dpfCertified: true }),
  vendor({ key: 'doctolib', brand: 'Doctolib', entities: [{ name: 'Doctolib GmbH', country: 'DE', city: 'Berlin' }, { name: 'Doctolib SAS', country: 'FR', city: 'Levallois-Perret' }], category: 'scheduling', popularity: 4 }),
  vendor({ key: 'shore', brand: 'Shore', entities: [{ name: 'Shore GmbH', country: 'DE', city: 'München' }], category: 'scheduling', popularity: 1 }),

  // Forms and surveys
  vendor({ key: 'typeform', brand: 'Typeform', entities: [{ name: 'TYPEFORM, S.L.', country: 'ES', city: 'Barcelona' }], category: 'forms', popularity: 4 }),
  vendor({ key: 'jotform', brand: 'Jotform', entities: [{ name: 'JotForm Inc.', country: 'US', city: 'San Francisco' }], category: 'forms', popularity: 2, dpfCertified: true }),
  vendor({ key: 'surveymonkey', brand: 'SurveyMonkey', entities: [{ name: 'SurveyMonkey Europe UC', country: 'IE', city: 'Dublin' }, { name: 'SurveyMonkey Inc.', country: 'US', city: 'San Mateo', formerNames: ['Momentive Inc.', 'SVMK Inc.'] }], category: 'forms', popularity: 3, dpfCertified: true }),
  vendor({ key: 'limesurvey', brand: 'LimeSurvey', entities: [{ name: 'LimeSurvey GmbH', country: 'DE', city: 'Hamburg' }], category: 'forms', popularity: 2, selfHostable: true }),
  vendor({ key: 'tally', brand: 'Tally', entities: [{ name: 'Tally BV', country: 'BE', city: 'Gent' }], category: 'forms', popularity: 1 }),

  // Storage and file transfer
  vendor({ key: 'dropbox', brand: 'Dropbox', entities: [{ name: 'Dropbox International Unlimited Company', country: 'IE', city: 'Dublin' }, { name: 'Dropbox, Inc.', country: 'US', city: 'San Francisco' }], category: 'storage', popularity: 6, dpfCertified: true }),
  vendor({ key: 'box', brand: 'Box', entities: [{ name: 'Box, Inc.', country: 'US', city: 'Redwood City' }], category: 'storage', popularity: 1, dpfCertified: true }),
  vendor({ key: 'nextcloud', brand: 'Nextcloud', entities: [{ name: 'Nextcloud GmbH', country: 'DE', city: 'Stuttgart' }], category: 'storage', popularity: 5, selfHostable: true }),
  vendor({ key: 'openproject', brand: 'OpenProject', entities: [{ name: 'OpenProject GmbH', country: 'DE', city: 'Berlin' }], category: 'other', popularity: 1, selfHostable: true }),
  vendor({ key: 'moodle', brand: 'Moodle', entities: [{ name: 'Moodle Pty Ltd', country: 'AU', city: 'Perth' }], category: 'other', popularity: 2, selfHostable: true }),
  vendor({ key: 'gitlab', brand: 'GitLab', entities: [{ name: 'GitLab Inc.', country: 'US', city: 'San Francisco' }], category: 'hosting', popularity: 1, selfHostable: true }),
  vendor({ key: 'pretix', brand: 'pretix', aliases: ['Pretix', 'pretix.eu'], entities: [{ name: 'rami.io GmbH', country: 'DE', city: 'Heidelberg' }], category: 'other', popularity: 1, selfHostable: true }),
  vendor({ key: 'peertube', brand: 'PeerTube', entities: [{ name: 'Framasoft', country: 'FR', city: 'Lyon' }], category: 'social', popularity: 1, selfHostable: true }),
  vendor({ key: 'owncloud', brand: 'ownCloud', entities: [{ name: 'ownCloud GmbH', country: 'DE', city: 'Nürnberg' }], category: 'storage', popularity: 1, selfHostable: true }),
  vendor({ key: 'wetransfer', brand: 'WeTransfer', entities: [{ name: 'WeTransfer B.V.', country: 'NL', city: 'Amsterdam' }], category: 'storage', popularity: 3 }),
  vendor({ key: 'pcloud', brand: 'pCloud', entities: [{ name: 'pCloud AG', country: 'CH', city: 'Baar' }], category: 'storage', popularity: 1 }),
  vendor({ key: 'teamdrive', brand: 'TeamDrive', entities: [{ name: 'TeamDrive Systems GmbH', country: 'DE', city: 'Hamburg' }], category: 'storage', popularity: 1 }),
  vendor({ key: 'hidrive', brand: 'HiDrive', entities: [STRATO], category: 'storage', popularity: 2, parent: 'STRATO GmbH' }),

  // AI
  vendor({ key: 'openai', brand: 'OpenAI', aliases: ['ChatGPT', 'OpenAI API'], entities: [{ name: 'OpenAI Ireland Ltd.', country: 'IE', city: 'Dublin' }, { name: 'OpenAI, L.L.C.', country: 'US', city: 'San Francisco', formerNames: ['OpenAI OpCo, LLC'] }], services: ['ChatGPT', 'ChatGPT Enterprise', 'OpenAI API', 'GPT-4'], category: 'ai', popularity: 8, dpfCertified: true }),
  vendor({ key: 'anthropic', brand: 'Anthropic', aliases: ['Claude'], entities: [{ name: 'Anthropic Ireland, Limited', country: 'IE', city: 'Dublin' }, { name: 'Anthropic, PBC', country: 'US', city: 'San Francisco' }], services: ['Claude', 'Claude API'], category: 'ai', popularity: 2 }),
  vendor({ key: 'deepl', brand: 'DeepL', aliases: ['DeepL Pro', 'DeepL Translator'], entities: [{ name: 'DeepL SE', country: 'DE', city: 'Köln', address: 'Maarweg 165, 50825 Köln', formerNames: ['DeepL GmbH'] }], services: ['DeepL Translator', 'DeepL Pro', 'DeepL Write'], category: 'ai', popularity: 5 }),
  vendor({ key: 'mistral', brand: 'Mistral AI', aliases: ['Le Chat'], entities: [{ name: 'Mistral AI SAS', country: 'FR', city: 'Paris' }], category: 'ai', popularity: 1 }),
  vendor({ key: 'aleph-alpha', brand: 'Aleph Alpha', entities: [{ name: 'Aleph Alpha GmbH', country: 'DE', city: 'Heidelberg' }], category: 'ai', popularity: 1 }),
  vendor({ key: 'grammarly', brand: 'Grammarly', entities: [{ name: 'Grammarly, Inc.', country: 'US', city: 'San Francisco' }], category: 'ai', popularity: 1, dpfCertified: true }),

  // Monitoring
  vendor({ key: 'sentry', brand: 'Sentry', entities: [{ name: 'Functional Software, Inc.', country: 'US', city: 'San Francisco', address: '45 Fremont Street, 8th Floor, San Francisco, CA 94105' }], category: 'monitoring', popularity: 4, selfHostable: true, dpfCertified: true }),
  vendor({ key: 'datadog', brand: 'Datadog', entities: [{ name: 'Datadog, Inc.', country: 'US', city: 'New York' }], category: 'monitoring', popularity: 2, dpfCertified: true }),
  vendor({ key: 'new-relic', brand: 'New Relic', entities: [{ name: 'New Relic, Inc.', country: 'US', city: 'San Francisco' }], category: 'monitoring', popularity: 1, dpfCertified: true }),
  vendor({ key: 'logrocket', brand: 'LogRocket', entities: [{ name: 'LogRocket, Inc.', country: 'US', city: 'Boston' }], category: 'monitoring', popularity: 1 }),
  vendor({ key: 'grafana', brand: 'Grafana Cloud', entities: [{ name: 'Raintank, Inc.', country: 'US', city: 'New York' }], category: 'monitoring', popularity: 1, selfHostable: true }),
  vendor({ key: 'elastic', brand: 'Elastic Cloud', aliases: ['Elasticsearch'], entities: [{ name: 'Elasticsearch B.V.', country: 'NL', city: 'Amsterdam' }], category: 'monitoring', popularity: 1, selfHostable: true }),
  vendor({ key: 'dynatrace', brand: 'Dynatrace', entities: [{ name: 'Dynatrace Austria GmbH', country: 'AT', city: 'Linz' }, { name: 'Dynatrace LLC', country: 'US', city: 'Waltham' }], category: 'monitoring', popularity: 1 }),
  vendor({ key: 'statuspage', brand: 'Statuspage', entities: ATLASSIAN, category: 'monitoring', popularity: 1, parent: 'Atlassian Corporation', dpfCertified: true }),

  // Consent management
  vendor({ key: 'usercentrics', brand: 'Usercentrics', aliases: ['Usercentrics Consent Management Platform', 'Usercentrics CMP'], entities: [{ name: 'Usercentrics GmbH', country: 'DE', city: 'München', address: 'Sendlinger Str. 7, 80331 München' }], category: 'other', popularity: 25 }),
  vendor({ key: 'cookiebot', brand: 'Cookiebot', aliases: ['Cookiebot CMP', 'Usercentrics Cookiebot'], entities: [{ name: 'Cybot A/S', country: 'DK', city: 'Kopenhagen', address: 'Havnegade 39, 1058 Kopenhagen' }], category: 'other', popularity: 22, parent: 'Usercentrics GmbH' }),
  vendor({ key: 'borlabs', brand: 'Borlabs Cookie', entities: [{ name: 'Borlabs GmbH', country: 'DE', city: 'Hamburg' }], category: 'other', popularity: 18, selfHostable: true }),
  vendor({ key: 'onetrust', brand: 'OneTrust', entities: [{ name: 'OneTrust Technology Limited', country: 'GB', city: 'London' }, { name: 'OneTrust LLC', country: 'US', city: 'Atlanta' }], category: 'other', popularity: 6, dpfCertified: true }),
  vendor({ key: 'consentmanager', brand: 'consentmanager', entities: [{ name: 'consentmanager AB', country: 'SE', city: 'Stockholm' }], category: 'other', popularity: 4 }),
  vendor({ key: 'ccm19', brand: 'CCM19', entities: [{ name: 'Papoo Software & Media GmbH', country: 'DE', city: 'Bonn' }], category: 'other', popularity: 3 }),

  // Captcha
  vendor({ key: 'hcaptcha', brand: 'hCaptcha', entities: [{ name: 'Intuition Machines, Inc.', country: 'US', city: 'San Francisco' }], category: 'captcha', popularity: 4, dpfCertified: true }),
  vendor({ key: 'friendly-captcha', brand: 'Friendly Captcha', entities: [{ name: 'Friendly Captcha GmbH', country: 'DE', city: 'München' }], category: 'captcha', popularity: 3 }),

  // Productivity, collaboration and business software
  vendor({ key: 'atlassian', brand: 'Atlassian', aliases: ['Jira', 'Confluence', 'Trello', 'Bitbucket'], entities: ATLASSIAN, services: ['Jira', 'Confluence', 'Trello', 'Bitbucket', 'Jira Service Management'], category: 'other', popularity: 6, dpfCertified: true }),
  vendor({ key: 'notion', brand: 'Notion', entities: [{ name: 'Notion Labs, Inc.', country: 'US', city: 'San Francisco' }], category: 'other', popularity: 3, dpfCertified: true }),
  vendor({ key: 'asana', brand: 'Asana', entities: [{ name: 'Asana, Inc.', country: 'US', city: 'San Francisco' }], category: 'other', popularity: 2, dpfCertified: true }),
  vendor({ key: 'miro', brand: 'Miro', entities: [{ name: 'RealtimeBoard, Inc.', country: 'US', city: 'San Francisco' }], category: 'other', popularity: 2, dpfCertified: true }),
  vendor({ key: 'canva', brand: 'Canva', entities: [{ name: 'Canva Pty Ltd', country: 'AU', city: 'Sydney' }], category: 'other', popularity: 2 }),
  vendor({ key: 'adobe', brand: 'Adobe', aliases: ['Adobe Creative Cloud', 'Adobe Acrobat Sign', 'Adobe Sign'], entities: [{ name: 'Adobe Systems Software Ireland Limited', country: 'IE', city: 'Dublin', address: '4-6 Riverwalk, Citywest Business Campus, Dublin 24' }, { name: 'Adobe Inc.', country: 'US', city: 'San Jose' }], services: ['Adobe Creative Cloud', 'Adobe Acrobat Sign', 'Adobe Express'], category: 'other', popularity: 5, dpfCertified: true }),
  vendor({ key: 'docusign', brand: 'DocuSign', entities: [{ name: 'DocuSign International (EMEA) Limited', country: 'IE', city: 'Dublin' }, { name: 'DocuSign, Inc.', country: 'US', city: 'San Francisco' }], category: 'other', popularity: 3, dpfCertified: true }),
  vendor({ key: 'personio', brand: 'Personio', entities: [{ name: 'Personio SE & Co. KG', country: 'DE', city: 'München', formerNames: ['Personio GmbH'] }], category: 'other', popularity: 6 }),
  vendor({ key: 'datev', brand: 'DATEV', entities: [{ name: 'DATEV eG', country: 'DE', city: 'Nürnberg', address: 'Paumgartnerstraße 6-14, 90429 Nürnberg' }], services: ['DATEV Unternehmen online', 'DATEV Lohn und Gehalt'], category: 'other', popularity: 6 }),
  vendor({ key: 'sevdesk', brand: 'sevDesk', aliases: ['sevdesk'], entities: [{ name: 'sevDesk GmbH', country: 'DE', city: 'Offenburg' }], category: 'other', popularity: 3 }),
  vendor({ key: 'lexoffice', brand: 'lexoffice', aliases: ['Lexware Office'], entities: [{ name: 'Haufe-Lexware GmbH & Co. KG', country: 'DE', city: 'Freiburg im Breisgau' }], category: 'other', popularity: 3 }),
  vendor({ key: 'softgarden', brand: 'softgarden', entities: [{ name: 'softgarden e-recruiting GmbH', country: 'DE', city: 'Berlin' }], category: 'other', popularity: 2 }),
  vendor({ key: 'join', brand: 'JOIN', entities: [{ name: 'JOIN Solutions AG', country: 'CH', city: 'Zürich' }], category: 'other', popularity: 2 }),
  vendor({ key: 'stepstone', brand: 'StepStone', entities: [{ name: 'StepStone Deutschland GmbH', country: 'DE', city: 'Düsseldorf' }], category: 'other', popularity: 2 }),
  vendor({ key: 'indeed', brand: 'Indeed', entities: [{ name: 'Indeed Ireland Operations Limited', country: 'IE', city: 'Dublin' }], category: 'other', popularity: 2 }),
  vendor({ key: 'trusted-shops', brand: 'Trusted Shops', aliases: ['Trustbadge'], entities: [{ name: 'Trusted Shops SE', country: 'DE', city: 'Köln', address: 'Subbelrather Str. 15c, 50823 Köln', formerNames: ['Trusted Shops GmbH', 'Trusted Shops AG'] }], services: ['Trusted Shops', 'Trustbadge', 'Trusted Shops Käuferschutz'], category: 'other', popularity: 8 }),
  vendor({ key: 'trustpilot', brand: 'Trustpilot', entities: [{ name: 'Trustpilot A/S', country: 'DK', city: 'Kopenhagen' }], category: 'other', popularity: 3 }),
  vendor({ key: 'provenexpert', brand: 'ProvenExpert', entities: [{ name: 'Expert Systems AG', country: 'DE', city: 'Berlin' }], category: 'other', popularity: 3 }),
  vendor({ key: 'eventbrite', brand: 'Eventbrite', entities: [{ name: 'Eventbrite, Inc.', country: 'US', city: 'San Francisco' }], category: 'other', popularity: 2, dpfCertified: true }),
  vendor({ key: 'twilio', brand: 'Twilio', entities: TWILIO, services: ['Twilio SMS', 'Twilio Verify'], category: 'other', popularity: 2, dpfCertified: true }),
  vendor({ key: 'sipgate', brand: 'sipgate', entities: [{ name: 'sipgate GmbH', country: 'DE', city: 'Düsseldorf' }], category: 'other', popularity: 2 }),
];

/**
 * Lower-case, diacritics folded, legal form removed, punctuation reduced to single spaces,
 * so "Zoom Video Communications, Inc." and "zoom video communications" compare equal.
 */
export function normalizeVendorName(name: string): string {
  return stripLegalForm(name.trim().replace(/^(?:the|die|der|das)\s+/i, ''))
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** How directly a name designates a vendor; lower is stronger. */
const enum MatchRank { Brand = 0, Service = 1, Alias = 2, Entity = 3 }

interface IndexEntry { vendor: Vendor; rank: MatchRank }

function buildIndex(): Map<string, IndexEntry[]> {
  const index = new Map<string, IndexEntry[]>();
  const add = (name: string, vendor: Vendor, rank: MatchRank) => {
    const key = normalizeVendorName(name);
    if (!key) return;
    const entries = index.get(key) ?? [];
    const existing = entries.find((e) => e.vendor === vendor);
    if (existing) existing.rank = Math.min(existing.rank, rank);
    else entries.push({ vendor, rank });
    index.set(key, entries);
  };
  for (const v of VENDORS) {
    add(v.brand, v, MatchRank.Brand);
    for (const s of v.services) add(s, v, MatchRank.Service);
    for (const a of v.aliases) add(a, v, MatchRank.Alias);
    for (const e of v.entities) {
      add(e.name, v, MatchRank.Entity);
      for (const f of e.formerNames ?? []) add(f, v, MatchRank.Entity);
    }
  }
  // Strongest designation first; among equals (one entity backing many product lines)
  // the most common product line is the best guess.
  for (const entries of index.values()) {
    entries.sort((a, b) => a.rank - b.rank || b.vendor.popularity - a.vendor.popularity);
  }
  return index;
}

const INDEX = buildIndex();

/**
 * Every vendor a name may designate, best first. A legal entity such as "Google Ireland
 * Limited" backs many product lines; callers with context (the section heading, the
 * service named nearby) should choose among them.
 */
export function findVendorsByName(name: string): Vendor[] {
  return (INDEX.get(normalizeVendorName(name)) ?? []).map((e) => e.vendor);
}

/** The vendor a brand, service, alias, entity or former name designates most directly. */
export function findVendorByName(name: string): Vendor | undefined {
  return findVendorsByName(name)[0];
}

const BY_KEY: ReadonlyMap<string, Vendor> = new Map(VENDORS.map((v) => [v.key, v]));

export function vendorByKey(key: string): Vendor | undefined {
  return BY_KEY.get(key);
}
