import type { Lang } from "../core/lang.js";

/**
 * Which language a question is in, by counting function words and chat words
 * of each language. Code-mixed questions go to the language with more of its
 * words; names and shared words (Paris, operasi/operation) count for neither.
 */
const INDONESIAN = new Set(
  `apa apakah siapa bagaimana kenapa mengapa dimana mana kapan berapa yang dan atau di ke dari pada untuk dengan
  ini itu tersebut adalah ada tidak bukan belum sudah akan sedang lagi juga saja hanya sangat banget
  saya kamu dia mereka kita kami anda bisa boleh harus ingin tolong coba mohon kasih beri tahu
  kata berkata mengatakan bilang reaksi tanggapan sikap respons soal tentang terhadap atas oleh sebagai seperti
  buat sama begitu begini terus kalau jadi tapi karena masih pernah jelaskan ceritakan ringkas ringkasan
  berita artikel negara pihak siapa saja kutipan kutip sumber penulis peran latar belakang pasukan hubungan
  selamat pagi siang sore malam halo hai terima kasih apa saja gimana nggak dong sih deh nih ya
  ikut juga memburuk menyalahkan sejauh penengah wilayah bersuara diam baca tampilkan satu besok jam
  bagian isi intinya pokok garis besar nama jurnalisnya wartawan media menurut bahwa lebih dalam semua
  tanggapannya reaksinya sikapnya pendapat komentar pernyataan bersikap berkomentar mengecam mengutuk menyerukan
  seruan desakan kritik mendukung menolak bantuan perintah fitur cuaca hari harga juara piala film bagus rekomendasi
  kereta jadwal bisa-bisa menteri luar kementerian sekretaris jenderal juru bicara penjaga perdamaian
  latar konteks sejarah mengapa bagaimana sumbernya penulisnya beritanya artikelnya ringkasnya kutipannya
  tolong mohon dong sih kan kah lah pun nih deh jelasin ceritain kasih gimana gmn yg gak nggak udah
  para orang warga membuka menghentikan pertempuran operasi nya pun lah kah aku lagi buru`.split(/\s+/),
);

const ENGLISH = new Set(
  `what whats who whom whose how why where when which is are was were be been being do does did done
  the a an of to in on at for with about from by as and or but not no yes this that these those there
  it its they them their he she his her you your i me my we our can could would should will shall may might must
  say said says tell told give show explain summary summarize quote quotes source reaction react reacted
  role background please thanks thank hello hi hey good morning afternoon evening list every all any some
  did official line take stance word side story article news covers gist version short briefly brief
  just only also still main power doing enough people think want wanted published outlet wrote author
  name names made statement country countries org organisation organization actors recommend recipe
  position response responded respond reaction reactions help commands command happened happen government
  minister ministry foreign secretary general spokesperson peacekeepers peacekeeping troops forces role
  background context history summary summarise summarize overview gist tldr quote quoted exactly words word
  wrote written writer journalist reporter outlet publication published newspaper source sources link
  hi hello hey morning evening thanks please tell joke weather price recommend good bad best bake bread
  ally allies relations relationship influence region angle broker power enough doing failing failed
  condemn condemned condemnation criticise criticize support supported blame blamed urge urged called calling
  any anything anyone everyone someone something more most much many other others same such than then too very
  over under after before again against between into through during without within up down out off here
  let lets get got make need needs know knew see look find give gave show shown read write ask asked answer`.split(/\s+/),
);

/** Function words of both languages: never names. */
export const COMMON_WORDS: ReadonlySet<string> = new Set([...INDONESIAN, ...ENGLISH]);

/**
 * `nameCues` are the languages of names in the message ("Prancis" is Indonesian,
 * "France" English): worth half a function word, enough to decide "France??".
 */
export function detectLang(tokens: string[], fallback: Lang = "id", nameCues: readonly Lang[] = []): Lang {
  let id = nameCues.filter((l) => l === "id").length / 2;
  let en = nameCues.filter((l) => l === "en").length / 2;
  for (const tok of tokens) {
    const inId = INDONESIAN.has(tok);
    const inEn = ENGLISH.has(tok);
    if (inId && !inEn) id++;
    else if (inEn && !inId) en++;
    // Indonesian morphology marks a word as Indonesian even when it is not listed.
    else if (!inId && !inEn && /^(meng|meny|mem|men|ber|ter|di|ke)[a-z]{3,}(kan|an|i|nya)$/.test(tok)) id += 0.5;
    else if (!inId && !inEn && /^[a-z]{3,}(nya)$/.test(tok)) id += 0.5;
  }
  if (id === en) return fallback;
  return id > en ? "id" : "en";
}
