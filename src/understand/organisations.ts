/**
 * International organisations, for the parts of kabar that name them: free
 * text recognises them as places (places.ts), the importer turns them into
 * actors (names in both languages, flag, colour). Country data comes from
 * i18n-iso-countries / world-countries; these have no such package.
 */
export interface Organisation {
  /** Upper-case code; lower-cased it is the actor id an import gives it ("un"). */
  code: string;
  name: { id: string; en: string };
  /** Other names as articles and readers write them, in each language. */
  aliases: { id: string[]; en: string[] };
  /** The organisation's emoji flag where Unicode has one, else a neutral globe. */
  flag: string;
  /** The organisation's own colour, as an RGB number. */
  color: number;
}

export const ORGANISATIONS: readonly Organisation[] = [
  {
    code: "UN",
    name: { id: "PBB", en: "United Nations" },
    aliases: { id: ["PBB", "Perserikatan Bangsa-Bangsa", "Sekjen PBB", "Dewan Keamanan PBB"], en: ["UN", "U.N.", "United Nations", "UN Security Council"] },
    flag: "🇺🇳",
    color: 0x009edb,
  },
  {
    code: "EU",
    name: { id: "Uni Eropa", en: "European Union" },
    aliases: { id: ["Uni Eropa", "UE", "Brussel", "Komisi Eropa"], en: ["EU", "European Union", "Brussels", "European Commission"] },
    flag: "🇪🇺",
    color: 0x003399,
  },
  {
    code: "NATO",
    name: { id: "NATO", en: "NATO" },
    aliases: { id: ["NATO", "Pakta Pertahanan Atlantik Utara"], en: ["NATO", "North Atlantic Treaty Organization"] },
    flag: "🌐",
    color: 0x004990,
  },
  {
    code: "ASEAN",
    name: { id: "ASEAN", en: "ASEAN" },
    aliases: { id: ["ASEAN", "Perhimpunan Bangsa-Bangsa Asia Tenggara"], en: ["ASEAN", "Association of Southeast Asian Nations"] },
    flag: "🌏",
    color: 0x133a7c,
  },
  {
    code: "WHO",
    name: { id: "WHO", en: "World Health Organization" },
    aliases: { id: ["WHO", "Organisasi Kesehatan Dunia"], en: ["WHO", "World Health Organization"] },
    flag: "🌐",
    color: 0x0093d5,
  },
  {
    code: "WTO",
    name: { id: "WTO", en: "World Trade Organization" },
    aliases: { id: ["WTO", "Organisasi Perdagangan Dunia"], en: ["WTO", "World Trade Organization"] },
    flag: "🌐",
    color: 0x1d5b8f,
  },
  {
    code: "OIC",
    name: { id: "OKI", en: "Organisation of Islamic Cooperation" },
    aliases: { id: ["OKI", "Organisasi Kerja Sama Islam"], en: ["OIC", "Organisation of Islamic Cooperation"] },
    flag: "🌐",
    color: 0x00843d,
  },
  {
    code: "AU",
    name: { id: "Uni Afrika", en: "African Union" },
    aliases: { id: ["Uni Afrika"], en: ["African Union"] },
    flag: "🌍",
    color: 0x2a8a3e,
  },
  {
    code: "ARAB_LEAGUE",
    name: { id: "Liga Arab", en: "Arab League" },
    aliases: { id: ["Liga Arab"], en: ["Arab League"] },
    flag: "🌐",
    color: 0x006c35,
  },
  {
    code: "OSCE",
    name: { id: "OSCE", en: "OSCE" },
    aliases: { id: ["OSCE", "Grup Minsk"], en: ["OSCE", "OSCE Minsk Group", "Minsk Group"] },
    flag: "🌐",
    color: 0x00529b,
  },
  {
    code: "CSTO",
    name: { id: "CSTO", en: "CSTO" },
    aliases: { id: ["CSTO"], en: ["CSTO", "Collective Security Treaty Organization"] },
    flag: "🌐",
    color: 0x1f3a93,
  },
  {
    code: "ICRC",
    name: { id: "Palang Merah Internasional", en: "International Committee of the Red Cross" },
    aliases: { id: ["Palang Merah", "ICRC"], en: ["Red Cross", "ICRC"] },
    flag: "🌐",
    color: 0xe2001a,
  },
];

export function organisationByCode(code: string): Organisation | undefined {
  return ORGANISATIONS.find((o) => o.code === code);
}
