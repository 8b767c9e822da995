import type { Lang } from "../core/lang.js";
import { isEnglishWord, isIndonesianWord } from "./dictionary.js";

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
  key takeaway takeaways main point points deal going happening site website page
  ally allies relations relationship influence region angle broker power enough doing failing failed
  condemn condemned condemnation criticise criticize support supported blame blamed urge urged called calling
  any anything anyone everyone someone something more most much many other others same such than then too very
  over under after before again against between into through during without within up down out off here
  let lets get got make need needs know knew see look find give gave show shown read write ask asked answer`.split(/\s+/),
);

/**
 * Everyday words that carry no topic (stop words), beyond the cue words above:
 * they never count as a name or as a pointer to a part of the article.
 */
const STOP_WORDS = `a about above after again against all am an and any are as at be because been before being below between
  both but by can could did do does doing down during each few for from further had has have having he her here hers herself him
  himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours
  ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those
  through to too under until up very was we were what when where which while who whom why will with would you your yours yourself
  time times year years day days today yesterday tomorrow thing things people person really actually also still already even ever
  never always sometimes much many lot lots little big small new old good bad great first last next other another every something
  anything nothing everything someone anyone everyone read reading have having make made making take took taken come came going
  went gone know knew known think thought seem seems seemed look looked find found give given keep kept let put said tell well
  ada adalah adanya agak agar akan akhir akhirnya aku akulah amat amatlah anda andalah antar antara antaranya apa apaan apabila
  apakah apalagi apatah artinya asal asalkan atas atau ataukah ataupun awal awalnya bagai bagaikan bagaimana bagaimanakah
  bagaimanapun bagi bagian bahkan bahwa bahwasanya baik bakal bakalan balik banyak bapak baru bawah beberapa begini beginian
  beginikah beginilah begitu begitukah begitulah begitupun bekerja belakang belakangan belum belumlah benar benarkah benarlah
  berada berakhir berakhirlah berakhirnya berapa berapakah berapalah berapapun berarti berawal berbagai berdatangan beri berikan
  berikut berikutnya berjumlah berkali berkata berkehendak berkeinginan berkenaan berlainan berlalu berlangsung berlebihan bermacam
  bermaksud bermula bersama bersiap berturut bertutur berupa besar betul betulkah biasa biasanya bila bilakah bisa bisakah boleh
  bolehkah bolehlah buat bukan bukankah bukanlah bukannya bulan bung cara caranya cukup cukupkah cukuplah cuma dahulu dalam dan
  dapat dari daripada datang dekat demi demikian demikianlah dengan depan di dia diakhiri diakhirinya dialah diantara diantaranya
  diberi diberikan diberikannya dibuat dibuatnya didapat didatangkan digunakan diibaratkan diibaratkannya diingat diingatkan
  diinginkan dijawab dijelaskan dijelaskannya dikarenakan dikatakan dikatakannya dikerjakan diketahui diketahuinya dikira dilakukan
  dilalui dilihat dimaksud dimaksudkan dimaksudkannya dimaksudnya diminta dimintai dimisalkan dimulai dimulailah dimulainya dimungkinkan
  dini dipastikan diperbuat diperbuatnya dipergunakan diperkirakan diperlihatkan diperlukan diperlukannya dipersoalkan dipertanyakan
  dipunyai diri dirinya disampaikan disebut disebutkan disebutkannya disini disinilah ditambahkan ditandaskan ditanya ditanyai
  ditanyakan ditegaskan ditujukan ditunjuk ditunjuki ditunjukkan ditunjukkannya ditunjuknya dituturkan dituturkannya diucapkan
  diucapkannya diungkapkan dong dua dulu empat enggak enggaknya entah entahlah guna gunakan hal hampir hanya hanyalah hari harus
  haruslah harusnya hendak hendaklah hendaknya hingga ia ialah ibarat ibaratkan ibaratnya ibu ikut ingat ingin inginkah inginkan
  ini inikah inilah itu itukah itulah jadi jadilah jadinya jangan jangankan janganlah jauh jawab jawaban jawabnya jelas jelaskan
  jelaslah jelasnya jika jikalau juga jumlah jumlahnya justru kala kalau kalaulah kalaupun kalian kami kamilah kamu kamulah kan
  kapan kapankah kapanpun karena karenanya kasus kata katakan katakanlah katanya ke keadaan kebetulan kecil kedua keduanya keinginan
  kelamaan kelihatan kelihatannya kelima keluar kembali kemudian kemungkinan kemungkinannya kenapa kepada kepadanya kesampaian
  keseluruhan keseluruhannya keterlaluan ketika khususnya kini kinilah kira kiranya kita kitalah kok kurang lagi lagian lah lain
  lainnya lalu lama lamanya lanjut lanjutnya lebih lewat lima luar macam maka makanya makin malah malahan mampu mampukah mana
  manakala manalagi masa masalah masalahnya masih masihkah masing mau maupun melainkan melakukan melalui melihat melihatnya memang
  memastikan memberi memberikan membuat memerlukan memihak meminta memintakan memisalkan memperbuat mempergunakan memperkirakan
  memperlihatkan mempersiapkan mempersoalkan mempertanyakan mempunyai memulai memungkinkan menaiki menambahkan menandaskan menanti
  menantikan menanya menanyai menanyakan mendapat mendapatkan mendatang mendatangi mendatangkan menegaskan mengakhiri mengapa
  mengatakan mengatakannya mengenai mengerjakan mengetahui menggunakan menghendaki mengibaratkan mengibaratkannya mengingat
  mengingatkan menginginkan mengira mengucapkan mengucapkannya mengungkapkan menjadi menjawab menjelaskan menuju menunjuk menunjuki
  menunjukkan menunjuknya menurut menuturkan menyampaikan menyangkut menyatakan menyebutkan menyeluruh menyiapkan merasa mereka
  merekalah merupakan meski meskipun meyakini meyakinkan minta mirip misal misalkan misalnya mula mulai mulailah mulanya mungkin
  mungkinkah nah naik namun nanti nantinya nyaris nyatanya oleh olehnya pada padahal padanya pak paling panjang pantas para pasti
  pastilah penting pentingnya per percuma perlu perlukah perlunya pernah persoalan pertama pertanyaan pertanyakan pihaknya pukul
  pula pun punya rasa rasanya rata rupanya saat saatnya saja sajalah saling sama sambil sampai sampaikan sana sangat sangatlah
  satu saya sayalah se sebab sebabnya sebagai sebagaimana sebagainya sebagian sebaik sebaiknya sebaliknya sebanyak sebegini sebegitu
  sebelum sebelumnya sebenarnya seberapa sebesar sebetulnya sebisanya sebuah sebut sebutlah sebutnya secara secukupnya sedang
  sedangkan sedemikian sedikit sedikitnya seenaknya segala segalanya segera seharusnya sehingga seingat sejak sejauh sejenak
  sejumlah sekadar sekadarnya sekali sekalian sekaligus sekalipun sekarang sekecil seketika sekiranya sekitar sekitarnya sekurangnya
  sela selain selaku selalu selama selamanya selanjutnya seluruh seluruhnya semacam semakin semampu semampunya semasa semasih
  semata sembari sementara semisal semisalnya sempat semua semuanya semula sendiri sendirian sendirinya seolah seorang sepanjang
  sepantasnya sepantasnyalah seperlunya seperti sepertinya sepihak sering seringnya serta serupa sesaat sesama sesampai sesegera
  sesekali seseorang sesuatu sesuatunya sesudah sesudahnya setelah setempat setengah seterusnya setiap setiba setibanya setidaknya
  setinggi seusai sewaktu siap siapa siapakah siapapun sini sinilah soal soalnya suatu sudah sudahkah sudahlah supaya tadi tadinya
  tahu tahun tak tambah tambahnya tampak tampaknya tandas tandasnya tanpa tanya tanyakan tanyanya tapi tegas tegasnya telah tempat
  tengah tentang tentu tentulah tentunya tepat terakhir terasa terbanyak terdahulu terdapat terdiri terhadap terhadapnya teringat
  terjadi terjadilah terjadinya terkira terlalu terlebih terlihat termasuk ternyata tersampaikan tersebut tersebutlah tertentu
  tertuju terus terutama tetap tetapi tiap tiba tidak tidakkah tidaklah tiga tinggi toh tunjuk turut tutur tuturnya ucap ucapnya
  ujar ujarnya umum umumnya ungkap ungkapnya untuk usah usai waduh wah wahai waktu waktunya walau walaupun wong yaitu yakin
  yakni yang terbaru terkini latest recent recently newest`.split(/\s+/);

/** Stop words of both languages alone (no cue words): they never name the thing a question asks about. */
export const STOP_WORD_SET: ReadonlySet<string> = new Set(STOP_WORDS);

/** Function words and stop words of both languages: never names, never topic cues. */
export const COMMON_WORDS: ReadonlySet<string> = new Set([...INDONESIAN, ...ENGLISH, ...STOP_WORDS]);

/**
 * `nameCues` are the languages of names in the message ("Prancis" is Indonesian,
 * "France" English): worth half a function word, enough to decide "France??".
 */
export function detectLang(tokens: readonly string[], fallback: Lang = "id", nameCues: readonly Lang[] = []): Lang {
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
    // English suffixes Indonesian words do not have.
    else if (!inId && !inEn && /^[a-z]{3,}(tion|tions|ness|ment|ments|ly|ied|ies|ful|less|aways)$/.test(tok)) en += 0.5;
    // An everyday word of one language only ("casualties", "timeline"; "pengungsi") leans that way.
    else if (!inId && !inEn) {
      const english = isEnglishWord(tok);
      const indonesian = isIndonesianWord(tok);
      if (english && !indonesian) en += 0.5;
      else if (indonesian && !english) id += 0.5;
    }
  }
  if (id === en) return fallback;
  return id > en ? "id" : "en";
}
