import { describe, expect, it } from "vitest";
import { scanExcerpt } from "../../src/grounding/excerpt-scan.js";
import { checkFact } from "../../src/grounding/ground-fact.js";
import { groundQuantity } from "../../src/grounding/ground-value.js";
import type { QuantityRecord } from "../../src/project/types.js";

const found = (quantity: QuantityRecord, text: string, language = "en") => groundQuantity(quantity, scanExcerpt(text, language)).found;

describe("a quantity is stated with its own bound", () => {
  it.each<[QuantityRecord, string, boolean]>([
    [{ amount: 419725, unit: "kg" }, "a total mass of 419,725 kilograms (925,335 pounds)", true],
    [{ amount: 843000000, unit: "USD", year: 2024 }, "a total potential value of $843 million.", true],
    [{ "more-than": 290 }, "visited by more than 290 people from 26 countries", true],
    [{ "more-than": 290 }, "290 people have visited the station", false],
    [{ amount: 290 }, "visited by more than 290 people", false],
    [{ about: 420, unit: "t" }, "it weighs about 420 tonnes", true],
    [{ about: 420000, unit: "kg" }, "It weighs 420,000 kilograms", true],
    [{ "at-most": 843000000, unit: "USD" }, "a contract worth up to $843 million", true],
    [{ between: [5, 6] }, "between 5 and 6 crew members", true],
    [{ between: [5, 7] }, "between 5 and 6 crew members", false],
    [{ "more-than": 290 }, "на станции побывали более 290 человек", true],
  ])("%j in %j: %s", (quantity, text, expected) => {
    expect(found(quantity, text, /[а-я]/.test(text) ? "ru" : "en")).toBe(expected);
  });

  it("names the nearest number when a converted value is not what the excerpt says", () => {
    const result = groundQuantity({ amount: 420000, unit: "kg" }, scanExcerpt("it weighs about 420 tonnes", "en"));
    expect(result).toEqual({ found: false, shape: "number", closest: "about 420" });
  });

  it("checks a list value member by member, each at its own position", () => {
    const checks = checkFact(
      { id: "crew", excerpt: "crew", subject: "expedition-1", property: "crew-member", value: [7, 8] },
      scanExcerpt("Seven went up; 7 came back", "en"),
      { eventRecords: new Map() },
    ).filter((c) => c.field === "value");
    expect(checks.map((c) => [c.path, c.result.found])).toEqual([
      [["value", 0], true],
      [["value", 1], false],
    ]);
  });
});
