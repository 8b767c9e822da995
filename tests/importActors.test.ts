import { describe, expect, it } from "vitest";
import { actorIdentity, stableColor } from "../src/import/actors.js";

/** Who an imported actor is when the data knows the code, and when it knows nothing. */
describe("an actor the data does not know", () => {
  it("GIVEN a name with accents and punctuation THEN the id is its letters and digits joined by dashes", () => {
    expect(actorIdentity(undefined, "¡Médicos  Sin Fronteras!").id).toBe("medicos-sin-fronteras");
  });

  it("GIVEN a long name cut at 24 characters right after a word THEN the id does not end in a dash", () => {
    expect(actorIdentity(undefined, "Ikatan Dokter Anak Laos Utara").id).toBe("ikatan-dokter-anak-laos");
  });

  it("GIVEN a code neither the countries nor the organisations know THEN the actor is the name as written, under a globe", () => {
    expect(actorIdentity("XX", "Negeri Antah")).toStrictEqual({
      id: "negeri-antah",
      name: { id: "Negeri Antah" },
      flag: "🌐",
      color: stableColor("Negeri Antah"),
      aliases: { id: ["Negeri Antah"], en: [] },
    });
  });

  it("GIVEN a name with no letter or digit THEN the id is 'actor'", () => {
    expect(actorIdentity(undefined, "—").id).toBe("actor");
  });
});

describe("an actor from the country data", () => {
  it("GIVEN no name written in the article THEN the data's Indonesian name, and no empty alias", () => {
    const fr = actorIdentity("FR", "");
    expect(fr.name).toEqual({ id: "Perancis", en: "France" });
    expect(fr.aliases.id).not.toContain("");
  });
});

describe("the colour of an imported actor", () => {
  const codes = ["FR", "RU", "JP", "UA", "AZ", "AM", "US", "Komite"];

  it.each(codes)("GIVEN %s THEN the colour has 60%% saturation and 42%% lightness (its brightest channel 171, its darkest 43)", (code) => {
    const c = stableColor(code);
    const channels = [c >> 16, (c >> 8) & 0xff, c & 0xff];
    expect([Math.max(...channels), Math.min(...channels)]).toEqual([171, 43]);
  });

  it("GIVEN FR THEN the colour is the one every import gave it (hue 47°), so a re-import keeps an editor's draft the same", () => {
    expect(stableColor("FR")).toBe(0xab942b);
  });

  it("GIVEN neighbouring codes THEN their hues lie far apart", () => {
    const hue = (c: number) => {
      const [r, g, b] = [c >> 16, (c >> 8) & 0xff, c & 0xff];
      const max = Math.max(r, g, b);
      const d = max - Math.min(r, g, b);
      const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
      return (h * 60 + 360) % 360;
    };
    const apart = Math.abs(hue(stableColor("FR")) - hue(stableColor("RU")));
    expect(Math.min(apart, 360 - apart)).toBeGreaterThan(60);
  });
});
