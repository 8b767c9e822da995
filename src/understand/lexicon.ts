/**
 * The words that point a question at one kind of answer, in Indonesian and
 * English, after normalising (so informal spellings are already standard).
 *
 * Entry syntax: "word" matches the token exactly; "stem*" matches any token
 * containing the stem (Indonesian affixes: "diringkas", "ringkasan"); "two words"
 * matches the phrase. Weights: 3 = decisive, 2 = strong, 1 = a hint.
 */
export type Lexicon = Array<[entry: string, weight: number]>;

const w = (weight: number, entries: string): Lexicon =>
  entries
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)
    .map((e) => [e, weight] as [string, number]);

export const SUMMARY: Lexicon = [
  ...w(3, `ringkas*, rangkum*, summar*, tldr, tl dr, gist, garis besar, intinya, inti berita, inti dari, overview, recap,
    short version, in short, nutshell, rundown, sinopsis, ikhtisar, highlight*, main points, key points, pokok berita,
    pokok pokok, poin poin, poin penting, secara singkat, singkatnya, sekilas, what happened, apa yang terjadi, apa yang sebenarnya terjadi,
    isi berita, isi artikel, berita ini tentang, artikel ini tentang, this story about, story cover*, article cover*,
    what is this about, what is the story, what is the article, what is the news, about this story, about this article,
    news about, story about, article about, this about, sum up, sum it up, summed up, sum things up, sum this up, sum that up, news is about, story is about, article is about, is it about, overall, secara keseluruhan, secara umum, does it say, it say, gambaran umum, gambaran singkat, gambarannya, tentang apa, bahas apa, membahas apa, ceritakan, summary of, quick version, brief me, fill me in, catch me up, big picture, takeaway*`),
  ...w(2, `short, briefly, brief, singkat, poin, points, jelaskan, explain, cerita, ringkasan, ulas, ulasan, bullet*, in a few, few lines,
    what is it about, what it is about, apa isinya, isinya apa`),
  ...w(3, `pokok, inti, article say, article says, story say, story says, news say, news says, report say, report says,
    artikel ini bilang, berita ini bilang, kata artikel, kata berita`),
  // "this story" says which text, not what is wanted: a hint only.
  ...w(1, `story, berita ini, artikel ini, beritanya, artikelnya, this article, this story, the news, the article, the story`),
];

export const QUOTE: Lexicon = [
  ...w(3, `kutip*, quot*, verbatim, word for word, exact words, kata kata persis, kata persis, kalimat persis, pernyataan persis,
    kalimat langsung, pernyataan langsung, ucapan langsung, direct statement, ucapan, perkataan, exact statement,
    exact quote, precise words, in their own words, their words, his words, her words`),
  // Asking for the whole wording is asking for the quote.
  ...w(3, `bunyi lengkap, bunyinya, teks lengkap, teks asli, pernyataan lengkap, kalimat lengkap, isi lengkap, ucapan lengkap,
    secara lengkap, selengkapnya, full text, full statement, whole statement, complete statement, entire statement, full quote,
    whole quote, complete quote, in full, full wording, exact wording, original wording`),
  // Citing may be of a quote or of the source: a lean, not a decision.
  ...w(2, `citation, cite`),
  ...w(1, `paste, copy, salin, sebutkan kalimat, kalimat`),
];

/**
 * "Exactly" asks for the wording of what was said ("what exactly did France say?") unless it asks for a stance
 * ("gmn persisnya sikap dia", "what exactly is their position?"): then it asks for the reaction. The whole
 * wording ("exact words", "bunyi lengkap") stays a quote in QUOTE.
 */
export const EXACTLY: Lexicon = w(
  3,
  `persisnya, exactly what, exactly did, exactly say, exactly said, say exactly, said exactly, said what exactly, say what exactly, precisely`,
);

/** Words naming someone's stance: with them, "exactly" asks for the reaction, not the quote. */
export const STANCE: Lexicon = w(3, `sikap, sikapnya, stance, position, posisi, posisinya, pendirian, pendiriannya`);

/**
 * "Yang mana saja boleh", "any of them", "whichever": the asker takes any one; "mana saja" there lists no one.
 */
export const ANY_ONE: Lexicon = w(
  3,
  `yang mana saja boleh, mana saja boleh, siapa saja boleh, yang mana pun, manapun, terserah, bebas yang mana, any of them,
  any one of them, any will do, whichever, no matter which, does not matter which, tidak masalah yang mana`,
);

/**
 * Everyone at once ("did everyone condemn ...?", "apakah semua pihak ...?"): a question about all the actors,
 * whatever place of the story's setting it names. Not "semuanya": "baca semuanya" is all of the text.
 */
export const EVERYONE: Lexicon = w(
  3,
  `everyone, everybody, all of them, all sides, every side, all parties, all nations, every nation, semua pihak, semua negara,
  mereka semua, semua orang, seluruh pihak, seluruh negara, apakah semua, apa semua, did all, do all, have all,
  are all, were all`,
);

export const SOURCE: Lexicon = [
  ...w(3, `sumber*, source*, outlet, penulis, penulisnya, jurnalis*, journalist*, wartawan*, reporter*, author*, byline, penerbit*,
    publisher, publication, publikasi, diterbitkan, terbitan, menerbitkan, who wrote, siapa yang menulis, ditulis oleh, written by, who published, published,
    publish, kapan terjadi, kapan kejadian, kapan kejadiannya, kapan peristiwa, when did this happen, when did it happen, when was it,
    what date, which date, tanggal berapa, tanggal kejadian, tanggal peristiwa, kapan terbit, terbit, baca juga, artikel terkait, berita terkait, related article*, related stor*, read next, further reading,
    where is this article from, where is the article from, where is this story from, where is the story from, where is this news from,
    where is the news from, where does the article come from, where does the story come from, artikel ini dari mana, berita ini dari mana,
    asalnya dari mana, dimuat di, portal, portal berita, news site, news website, website, situs berita, which site, media apa, which media, where is this from, where does this come from, where did this come from, asal berita,
    berita dari mana, artikel dari mana, dari media, from which, original article, artikel asli, berita asli, which outlet, which newspaper, which site, situs, link, tautan, url, credit*, kredit`),
  ...w(2, `menulis, ditulis, wrote, written, write, writer, yang menulis, menulis siapa, dimuat`),
  ...w(1, `media, koran, newspaper, tanggal, date, kapan, when`),
];

export const ACTORS: Lexicon = [
  ...w(3, `berapa pihak, berapa negara, how many countries, how many parties, who all, weighed in, weigh in, siapa saja, siapa aja, pihak mana, negara mana, negara apa, lembaga mana, which countries, which country,
    which actors, which organisations, which organizations, which parties, who reacted, who responded, who else,
    siapa yang bereaksi, siapa yang menanggapi, siapa yang berkomentar, daftar negara, daftar pihak, list of countries,
    every country, all countries, all the countries, each country, international reaction*, reaksi internasional,
    tanggapan internasional, reaksi dunia, world react*, reaksi negara negara, dari mana saja, mana saja, apa saja reaksi`),
  ...w(3, `actors, aktor, para pihak`),
  // Comparing the reactions, or asking whether they agree, is a question about all of them.
  ...w(3, `paling keras, paling tegas, paling kritis, paling lunak, paling lembut, paling vokal, paling kuat, paling lantang,
    terkeras, tertegas, hardest, loudest, strongest, harshest, toughest, softest, mildest, most critical, most strongly, most forceful, most vocal,
    compare*, comparison, bandingkan, dibandingkan, membandingkan, perbandingan, perbedaan, bedanya, differ*,
    agree*, disagree*, setuju, sepakat, sependapat, kompak, consensus, unanimous, same view, same position, same stance,
    sama sama, pendapat yang sama, sikap yang sama, satu suara`),
  ...w(2, `negara negara, countries, organisations, organizations, orgs, org, lembaga lembaga, pihak pihak, parties,
    internasional, international, global`),
];

export const HELP: Lexicon = [
  ...w(3, `help, bantuan, tolong bantu, perintah, commands, command, menu, fitur*, features, what can you do, what do you do,
    how do i use, how to use, cara pakainya, fungsi*, kegunaan, gunanya, what is this for, what are you for, purpose, can i ask, should i ask, could i ask, bisa ditanyakan, bisa ditanya, boleh tanya, apa yang bisa kamu, apa yang bisa saya tanyakan, cara pakai, cara menggunakan, bisa apa, bisa ngapain, tanya apa, bertanya apa, bisa tanya,
    bisa bertanya, bantu apa, what can i ask, what should i ask, who are you, siapa kamu, kamu siapa, what are you, start, mulai,
    panduan, petunjuk, instructions, usage, cara kerja, how does this work, how does this bot work, how does the bot work,
    how does it work, how do you work, bot work, bot ini bagaimana, bot ini gimana, cara kerja bot, what is this bot, bot apa`),
  ...w(2, `halo, hallo, helo, hai, hi, hello, hey, hei, hiya, greetings, yo, salam, assalamualaikum, assalamu, permisi,
    selamat pagi, selamat siang, selamat sore, selamat malam, good morning, good afternoon, good evening, pagi, siang, sore, malam,
    morning, terima kasih, thanks, thank you, makasih, trims, woi, oi, hoi, howdy, sup`),
  ...w(1, `bot, kamu, you, min, gan, bro, sis`),
];

/** Thanks: answered with one line, not the whole help page. */
export const THANKS: Lexicon = w(3, `terima kasih, thanks, thank you, thank u, makasih, makasi, trims, tengkyu, tq, ty, cheers, appreciate*, much appreciated, nuhun, suwun, matur nuwun`);

/** Words that ask for someone's words or position. */
export const REACTION: Lexicon = [
  // "respons" is written out, not a stem: a stem matches inside a word, and "responsible" is no response.
  ...w(3, `reaksi*, react*, respons, response, responses, responsnya, merespons, direspons, respon, respond*, tanggap*, menanggapi, sikap, stance, pendapat, komentar*, comment*,
    pernyataan, statement*, bersuara, mengecam, kecam*, mengutuk, kutuk*, condemn*, denounce*, official line,
    pandangan, take on, view on, views, thoughts on, say, said, says, saying, kata, berkata, mengatakan, katanya,
    word from, mengomentari, bicara, berbicara, menyerukan, seruan, desak*, mendesak, urge*, call for, called for, calls for,
    demand*, menuntut, menyalahkan, blame*, salahkan, menganggap, sebut, menyebut, disebut, apa kata, diam, silent, quiet,
    mengkritik, kritik*, criticis*, criticiz*, menilai, menolak, reject*, mendukung, dukung*, support*,
    protes*, protest*, minta, meminta, respond, response, responded, line on, according to, menurut,
    weigh in, weighed in, membela, bela, defend*, side with, backing`),
  ...w(2, `view, position, posisi, justify, justified, justification, membenarkan, dalih, alasan`),
  ...w(1, `tentang, about, soal, terhadap, regarding, tell, told, think, thinks, ingin, want, wants, wanted, side, nilai`),
];

/** Generic words for background; each section adds its own keywords from content. */
export const BACKGROUND: Lexicon = [
  ...w(3, `latar, latar belakang, background, konteks, context, sejarah*, histor*, kenapa bisa, why is, why are, why does, why do, why did,
    bagaimana bisa, how come`),
  ...w(3, `backstory, back story, backdrop, big picture behind, cerita di balik, duduk perkara, duduk persoalan`),
  ...w(2, `dibalik, di balik, behind`),
  ...w(1, `kenapa, mengapa, why, sejauh mana, to what extent`),
];

/** Words about the article's subject: a question using them is about the article. */
export const TOPIC: Lexicon = [
  ...w(2, `karabakh, nagorno, azerbaijan, azerbaijani, armenia*, operasi*, operation*, serangan*, attack*, offensive,
    pertempuran, fighting, bentrok*, clash*, konflik*, conflict*, perang, war, gencatan, ceasefire, militer, military,
    kekerasan, violence, krisis, crisis, kaukasus, caucasus, lachin, pengungsi, refugees, warga sipil, civilians`),
];

/** Requests for something else entirely: with one, a greeting in the message does not make it a help request. */
export const OFF_TOPIC: Lexicon = w(
  3,
  `translate, terjemahkan, terjemahin, recipe, resep, weather, cuaca, joke, lelucon, lawakan, lyrics, lirik, poem, puisi,
  homework, matematika, math, movie, film, song, lagu, game, football, sepak bola, bitcoin, crypto, saham, stock price,
  resto, restoran, restaurant, makanan, food, masak, cook, cooking, kuliner, cuisine, tourist, turis, wisata, liburan,
  holiday, vacation, visit, travel, tiket, ticket, flight, pesawat, hotel, visa, belanja, shopping,
  write me, buatkan, bikinin, tuliskan, cover letter, jadwal, schedule, penerbangan, kereta, timetable`,
);

/**
 * Words asking for the answer kept short: with a summary, the short one
 * ("ringkasan singkat", "short summary please", "tl;dr").
 */
export const SHORT: Lexicon = w(
  3,
  `tldr, short, shorter, shortest, brief, briefly, quick, quickly, nutshell, in short, one line, one sentence, two sentences,
  few lines, in a few, singkat, singkatnya, pendek, sekilas, satu kalimat, dua kalimat, beberapa kalimat, gist, cepat`,
);

