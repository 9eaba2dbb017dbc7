/**
 * Data protection supervisory authority responsible for private companies in each German
 * state; the complaint section names the one at the controller's seat, as real policies do.
 */
import type { GermanState } from './identity.js';

export const AUTHORITIES: Readonly<Record<GermanState, { name: string; city: string }>> = {
  BW: { name: 'Landesbeauftragter für den Datenschutz und die Informationsfreiheit Baden-Württemberg', city: 'Stuttgart' },
  BY: { name: 'Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)', city: 'Ansbach' },
  BE: { name: 'Berliner Beauftragte für Datenschutz und Informationsfreiheit', city: 'Berlin' },
  BB: { name: 'Landesbeauftragte für den Datenschutz und für das Recht auf Akteneinsicht Brandenburg', city: 'Kleinmachnow' },
  HB: { name: 'Landesbeauftragte für Datenschutz und Informationsfreiheit der Freien Hansestadt Bremen', city: 'Bremen' },
  HH: { name: 'Hamburgischer Beauftragter für Datenschutz und Informationsfreiheit', city: 'Hamburg' },
  HE: { name: 'Hessischer Beauftragter für Datenschutz und Informationsfreiheit', city: 'Wiesbaden' },
  MV: { name: 'Landesbeauftragter für Datenschutz und Informationsfreiheit Mecklenburg-Vorpommern', city: 'Schwerin' },
  NI: { name: 'Landesbeauftragter für den Datenschutz Niedersachsen', city: 'Hannover' },
  NW: { name: 'Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen', city: 'Düsseldorf' },
  RP: { name: 'Landesbeauftragter für den Datenschutz und die Informationsfreiheit Rheinland-Pfalz', city: 'Mainz' },
  SL: { name: 'Unabhängiges Datenschutzzentrum Saarland', city: 'Saarbrücken' },
  SN: { name: 'Sächsische Datenschutz- und Transparenzbeauftragte', city: 'Dresden' },
  ST: { name: 'Landesbeauftragter für den Datenschutz Sachsen-Anhalt', city: 'Magdeburg' },
  SH: { name: 'Unabhängiges Landeszentrum für Datenschutz Schleswig-Holstein (ULD)', city: 'Kiel' },
  TH: { name: 'Thüringer Landesbeauftragter für den Datenschutz und die Informationsfreiheit', city: 'Erfurt' },
};
