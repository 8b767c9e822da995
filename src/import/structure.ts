/**
 * paragraphs -> the article's structure, from the conventions of Indonesian
 * news pages: a `- Name` line opens an actor's part, a short question-like line
 * (`Apa Peran Rusia?`) opens a background section, `Baca juga:` lines point to
 * related articles, and a closing `(Outlet/Author)` line credits the text.
 */
export interface Part {
  /** The name on the `- Name` line; absent for the paragraphs before the first one. */
  heading?: string;
  paragraphs: string[];
}

export interface Section {
  title: string;
  paragraphs: string[];
}

export interface Structure {
  parts: Part[];
  sections: Section[];
  related: string[];
  credit?: { outlet: string; author: string };
}

const ACTOR_LINE = /^[-–—•]\s*(\S.{0,59})$/u;
// The title runs to the end of the paragraph (.+ is greedy; a paragraph holds no line break).
const RELATED_LINE = /^baca\s+juga\s*:\s*(.+)/iu;
const CREDIT_LINE = /^\(\s*([^()/]+?)\s*\/\s*([^()]+?)\s*\)$/u;

/** A subheading asking a question: short, ends in "?", starts with a capital, no quotation, no inner sentence. */
export function isQuestionHeading(line: string): boolean {
  if (!line.endsWith("?") || line.length > 80) return false;
  if (/[“”"«».,;:]/.test(line)) return false;
  const words = line.split(/\s+/);
  return words.length >= 2 && words.length <= 8 && /^\p{Lu}/u.test(line);
}

export function toStructure(paragraphs: readonly string[]): Structure {
  const parts: Part[] = [];
  const sections: Section[] = [];
  const related: string[] = [];
  let credit: Structure["credit"];
  // Paragraphs go to the last part or section opened.
  let current: { paragraphs: string[] } | undefined;
  paragraphs.forEach((line, i) => {
    const actor = ACTOR_LINE.exec(line);
    const rel = RELATED_LINE.exec(line);
    const cred = i === paragraphs.length - 1 ? CREDIT_LINE.exec(line) : null;
    // The name starts at a non-space and the paragraph is trimmed: nothing to trim.
    if (actor && !actor[1]!.endsWith(".")) {
      const part: Part = { heading: actor[1]!, paragraphs: [] };
      parts.push(part);
      current = part;
    } else if (rel) {
      related.push(rel[1]!);
    } else if (cred) {
      credit = { outlet: cred[1]!, author: cred[2]! };
    } else if (isQuestionHeading(line)) {
      const section: Section = { title: line, paragraphs: [] };
      sections.push(section);
      current = section;
    } else {
      if (!current) {
        const lead: Part = { paragraphs: [] };
        parts.push(lead);
        current = lead;
      }
      current.paragraphs.push(line);
    }
  });
  return { parts: parts.filter((p) => p.paragraphs.length > 0), sections: sections.filter((s) => s.paragraphs.length > 0), related, ...(credit ? { credit } : {}) };
}
