import { describe, expect, it } from "vitest";
import { matchLocale, pickLocale } from "./locale";

describe("the page's language", () => {
  it("follows the browser's languages in order, the first one the designer speaks", () => {
    expect(pickLocale(["zh-CN", "en-US"], null)).toBe("zh-CN");
    expect(pickLocale(["fr-FR", "zh", "en"], null)).toBe("zh-CN");
    expect(pickLocale(["en-GB", "zh-CN"], null)).toBe("en");
    expect(pickLocale(["zh-Hans-CN"], null)).toBe("zh-CN");
    expect(pickLocale(["de", "ja"], null)).toBe("en");
    expect(pickLocale([], null)).toBe("en");
  });

  it("does not serve Simplified Chinese to a Traditional Chinese reader", () => {
    expect(matchLocale("zh-TW")).toBeUndefined();
    expect(matchLocale("zh-Hant-HK")).toBeUndefined();
    expect(pickLocale(["zh-TW", "en"], null)).toBe("en");
  });

  it("keeps the analyst's own choice over the browser's, and ignores a stored value it does not know", () => {
    expect(pickLocale(["zh-CN"], "en")).toBe("en");
    expect(pickLocale(["en-US"], "zh-CN")).toBe("zh-CN");
    expect(pickLocale(["zh-CN"], "klingon")).toBe("zh-CN");
  });
});
