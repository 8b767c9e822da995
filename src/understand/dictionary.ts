import { indonesianStem } from "./affixes.js";

/**
 * Everyday words of English and Indonesian, so the spelling mender never
 * "corrects" a real word into a cue word (protect -> protest, stepping ->
 * shopping) and so a word counts as a sign of its language. No dictionary
 * package ships with the project, so this is a compact list we keep: common
 * words beyond the function words of language.ts and the article's own words
 * (those are known already). Inflected forms are recognised by their base
 * (stepping -> step, protected -> protect, dilindungi -> lindung).
 */
const ENGLISH_WORDS = `
able accept access accident account accuse achieve act action active actual add address admit adult advance advice affair afford
afraid age agency agent agree agreement ahead aid aim air alarm alive allow almost alone along already alright although amount
ancient anger angle angry animal announce annual another answer anxious apart apartment appeal appear apply approach approve area
argue argument arm army around arrange arrest arrive art ask asleep assume attach attend attention attitude audience average avoid
awake aware away baby back bag balance ball ban band  bar base basic battle bay beach bear beat beautiful bed beef beer
begin behave belief believe belong below belt bench bend benefit bet bible bike bill bind bird birth bit bite bitter black blade
blame blank blind block blood blow blue board boat body bomb bone book boot border bore borrow boss both bother bottle bottom
bound bowl box boy brain branch brave bread break breath breathe brick bridge brief bright bring broad brother brown brush budget
build bullet bunch burn bury  business busy butter button buy cabinet cake call calm camera camp campaign cancel cancer
candidate capable capital captain car card care career careful carry case cash cast cat catch cause cell center central
century certain chain chair challenge champion chance change channel chapter character charge charity chart chase cheap check
cheese chemical chest chicken chief child chip choice choose church circle citizen city civil claim class clean clear climate
climb clock close cloth cloud club coach coast coat code coffee cold collapse collect college colour color column combine
comfort commit common community company compare complain complete complex concern concert conclude condition conference confirm
confuse connect consider constant contact contain content continue contract control convince cook cool cope copy corner correct
cost cotton council count counter couple courage course court cousin cover crack craft crash crazy cream create credit crew crime
critic crop cross crowd crown crucial cry culture cup cure curious current curtain customer cut cycle dad damage dance danger dark
 date daughter dead deal dear death debate debt decade decide declare decline deep defeat defence defense degree delay
deliver demand deny depend deposit describe desert design desire desk destroy detail determine develop device die diet
differ difficult dig dinner direct dirty discover discuss disease dish dismiss display distance divide doctor document dog door
double doubt dozen draft drag drama draw dream dress drink drive drop drug dry due dust duty each eager ear early earn earth east
easy eat economy edge edition educate effect effort egg either elect element else  emerge emotion employ empty encourage end
enemy energy engage engine enjoy enter entire entry environment equal error escape essay estate even event evidence exact exam
example excellent except exchange excite excuse exercise exist expand expect expense expert explore express extend extra eye face
fact factor fail fair faith fall false familiar family famous fan far farm fashion fast fat father fault favour favor fear feature
fee feed feel fellow female fence few field fight figure file fill   finance fine finger finish fire firm fish fit fix
flag flat flavour flight float floor flow flower fly focus fold folk follow fond foot force foreign forest forget forgive form
former fortune forward frame free freedom fresh friend front fruit fuel full fun fund funny future gain game gap garden gas gate
gather general generate gentle gift girl glad glass goal god gold  grab grade grand grant grass grave green grey ground group
grow guard guess guest guide guilt gun guy habit hair half hall hand handle hang happy hard harm hat hate head health hear heart
heat heavy hell help hero hide high hill hire hit hold hole home honest hope horse hospital host hot  hour house huge human
humour hungry hunt hurry hurt husband ice idea identify ignore ill image imagine impact import improve include income increase
indeed index industry inform injury inner innocent insist install instance instead insurance intend interest internal invest
invite involve iron island issue item jacket job join joint joke journey judge juice jump junior jury justice keen key kick kid
kill kind king kiss kitchen knee knife knock label labour lack lady lake land lane language large late laugh launch law lawyer lay
lead leader leaf league lean learn least leave left leg  lend length less lesson letter level liberal library lie life lift
light like limit line lip list listen little live load loan local lock long loose lose loss loud love low luck lunch machine mad
magazine mail main maintain major male  man manage manner map mark market marry mass master match mate material matter meal
mean measure meat  medical meet member memory mental mention  mere mess message metal method middle might mild mile milk
mind mine minor minute mirror miss mission mistake mix mobile model modern moment money month mood moon  mother motor mount
mountain mouse mouth move movie murder muscle music must myself nail narrow nation native nature near neat necessary neck need
negative nerve net network neutral news nice night noise none  north nose note notice novel number nurse object obtain
obvious occasion occur ocean offer office officer oil okay open operate opinion oppose option orange order ordinary organise
organize origin outcome output outside owe owner pace pack page pain paint pair palace panel paper parent park part partner party
pass passenger past path patient pattern pause pay peace peak pen penalty pension per percent perfect perform perhaps period permit
personal persuade pet phone photo phrase physical  pick picture piece pile  pin pink pipe pitch place plan plane plant
plastic plate platform play player pleasant plenty plot pocket poem poet point police policy polite political poll pool poor pop
popular population port pose possible post pot potato pound pour poverty powder practice praise pray prefer prepare present
president press pressure pretend pretty prevent previous price pride priest prime prince print prior prison private prize
probably problem process produce product profit  progress project promise proof proper property propose protect protein
proud prove provide public pull punch pupil purchase pure push quality quarter queen question quick quiet quit quite race 
rail rain raise range rank rare rate rather raw reach ready real realise realize reason receive record recover red reduce refer
reform refuse regard register regret regular reject relate relax release relief religion rely remain remark remember remind
remote remove rent repair repeat replace reply report represent request require rescue research reserve resist resolve resort
resource respect rest restaurant result return reveal review reward rice rich ride right ring rise risk river road rock role roll
roof room root rope rough round route row royal rubbish rude ruin rule rumour run rural rush sad safe sail salary sale salt sample
sand save scale scare scene schedule scheme school science score screen sea search season seat second secret section sector secure
seed seek select sell send senior sense sensible sentence separate series serious serve service session settle seven several
severe sex shade shadow shake shall shame shape share sharp sheep sheet shelf shell shift shine ship shirt shock shoe shoot shop
shore shot shoulder shout shut shy sick sight sign signal silence silly silver similar simple sing single sister sit situation
size skill skin sky sleep slice slide slight slip slow smart smell smile smoke smooth snow soft software soil soldier solid
solution solve song soon sorry sort soul sound soup south space spare speak special speech speed spell spend spirit split spoil
 spot spread spring square staff stage stair stake stamp stand standard star stare start state station  stay steady
steal steam step stick stiff stock stomach stone stop store storm straight strange stranger stream street strength stress
stretch strike string strip stroke strong structure struggle student study stuff stupid style subject succeed success suck
sudden suffer sugar suggest suit summer sun supply suppose sure surface surprise surround survey survive suspect swear sweet swim
swing switch symbol system table tail talk tall  tape  task taste tax tea teach team tear technology telephone
television temperature tend  tent term terrible test text thank theatre theme theory thick thin threat throat throw ticket
tie tight till tiny tip tire tired title toe together toilet tone tongue tonight tool tooth top topic  touch tough tour
tower town toy track trade tradition traffic train transfer transport trap treat tree trend trial trick trip trouble truck true
trust truth try tune turn twin type typical ugly unable uncle unit unite unless unlike upper upset urban use useful usual valley
value  various vehicle venue version victim  view village visit voice volume vote wage wait wake walk wall wander war warm
warn wash waste watch water wave way weak wealth weapon wear weather web wedding week weekend weigh weight welcome west wet wheel
whereas whether white whole wide wife wild win wind window wine wing winner winter wire wise wish witness woman wonder wood wool
work worker world worry worth wound wrap wrong yard yellow young youth zone
happen serve guess agree decide whom anyway maybe literally really seriously honestly basically
ceasefire corridor civilian casualty humanitarian timeline talk troop peacekeeper peacekeeping evacuate evacuation military
operation conflict violence refugee invasion offensive minister ministry spokesman spokesperson secretary embassy diplomat
diplomacy sanction treaty alliance ally blockade siege territory region enclave separatist ethnic genocide massacre
bloodshed hostility clash skirmish fighting  illegal unacceptable unjustified responsible responsibility fate
`;

const INDONESIAN_WORDS = `
abang adik air ajak ajar akal alam alasan aman ambil anak angin angka anggap anggota antar apel arah arti asli atur awas ayah
baca badan bahan bahaya bahu baju balas banding bangun bantu barang batas batu bawa bayar beda bekal beli benda berani berat
bersih besok betul biaya bicara bijak bikin bilang bimbing bingung bintang biru bisnis bocor bodoh bohong bola bolos bosan buah
bual buang bubar budaya buka bukti buku bulan bumi bunga bunuh buru buruk butuh cabut cahaya cair cakap calon campur cantik capai
cari catat cegah cek cepat cerdas cerita cinta cium coba cocok cuci cukup curi dagang daging dalam damai dampak dapat darah darat
dasar data datang daun dekat dengar desa diam didik dingin dorong duduk dukung dunia duga ekonomi emas enak gagal gambar ganti
ganggu garam gelap gembira gerak gigi gila gunung guru habis hadap hadiah hadir hafal hakim halaman hamil hancur hantam harap harga
hari harus hasil hati hebat hemat hentikan hidup hilang hitam hitung hormat hujan hukum hutan ibu ikan ikut ilmu indah ingat ingin
isi istri izin jaga jalan jam jamin janji jatuh jawab jelas jemput jenis jual juang jumpa kabar kaca kain kaki kalah kamar kampung
kantor kapal karya kasar kasih kata kaya kejar keluarga kenal kerja keras kering kesal ketat kirim kota kuat kuning kurang lahir
laku lalu lambat lampu lancar langit langsung lapar larang lari lawan layak lebar lelah lempar lepas letak lihat lindung lingkung
lomba luas lucu lupa lurus maaf mahal main maju makan malu mampu mandi marah masak masuk mata mati mau mulai minum mobil muda mudah
mundur murah musuh nama nanti negeri nilai nikah nyata obat olahraga orang pagi pahit paham pakai paksa panas pandai pandang
panggil pantai pasar pasti patuh peduli pegang pelajar penuh perlu pesan pikir pilih pindah pinjam pintar pintu pohon pokok
potong pulang pulau pusat putih putus rakyat ramai rasa rawat rebut rekan rela rencana rendah rugi rumah runding berunding perundingan rusak sabar sakit
salah sambut sampai sayang sebar sedih segar sehat sekolah selamat selesai senang sepi serah serang serta siap simpan sinar
singkat sisa suara suka sulit sungai susah syarat tahan tambah tampil tanah tanam tanda tangan tangkap tanya tarik tawar tekan
teman tembak temu tenang tengah tentara terang terima tetap tidur tiba timbul tinggal tolak tonton tua tubuh tuduh tugas tukar
tulis tunggu tunjuk turun tutup uang ubah ujian ukur ulang umum usaha usul utama wajib waktu warna warung wilayah
lindungi pertemuan temui tewas meninggal korban jiwa jumlah pasukan personel prajurit tentara senjata bom
pengungsi perbatasan gencatan sipil kemanusiaan bantuan bentrok serang perang damai perdamaian kedutaan diplomat sanksi
perjanjian sekutu blokade wilayah kawasan etnis pertumpahan permusuhan ilegal sah tanggung jawab nasib juru bicara menteri
kementerian sekretaris jenderal pernyataan kutipan ringkasan berita artikel sumber penulis
`;

// Loanwords spelt the same in Indonesian (menu, data, film, hotel, bank, media, status) are left out of the
// English list: they say nothing about the language.
const ENGLISH_SET: ReadonlySet<string> = new Set(ENGLISH_WORDS.split(/\s+/).filter(Boolean));
const INDONESIAN_SET: ReadonlySet<string> = new Set(INDONESIAN_WORDS.split(/\s+/).filter(Boolean));

/** Bases an English inflected form may come from: stepping -> step, protected -> protect, cities -> city. */
export function englishBases(word: string): string[] {
  const out = [word];
  const add = (base: string) => base.length >= 2 && out.push(base);
  for (const suffix of ["ing", "ed", "er", "est"]) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    add(stem);
    add(`${stem}e`); // making -> make
    if (/([b-df-hj-np-tv-z])\1$/.test(stem)) add(stem.slice(0, -1)); // stepping -> step
    if (stem.endsWith("i")) add(`${stem.slice(0, -1)}y`); // tried -> try
  }
  if (word.endsWith("ies")) add(`${word.slice(0, -3)}y`);
  if (word.endsWith("es")) add(word.slice(0, -2));
  if (word.endsWith("s") && !word.endsWith("ss")) add(word.slice(0, -1));
  if (word.endsWith("ly")) add(word.slice(0, -2));
  return out;
}

export function isEnglishWord(word: string): boolean {
  return englishBases(word).some((base) => ENGLISH_SET.has(base));
}

export function isIndonesianWord(word: string): boolean {
  return INDONESIAN_SET.has(word) || INDONESIAN_SET.has(indonesianStem(word));
}

/** A real word of either language: the spelling mender leaves it as typed. */
export function isDictionaryWord(word: string): boolean {
  return isEnglishWord(word) || isIndonesianWord(word);
}
