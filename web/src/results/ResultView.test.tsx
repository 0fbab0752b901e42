import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { inChinese, inEnglish } from "../i18n/test-utils";
import { TableResult, ValueResult } from "./ResultView";

afterEach(cleanup);

const cols = (...names: string[]) => names.map((name) => ({ name, type: "DOUBLE" }));

// Four rows scored 0.9, 0.6 (positive), 0.4, 0.1 (negative): thresholds at each score.
const thresholds = {
  columns: cols("threshold", "tp", "fp", "tn", "fn"),
  rows: [
    [0.9, 1, 0, 2, 1],
    [0.6, 2, 0, 2, 0],
    [0.4, 2, 1, 1, 0],
    [0.1, 2, 2, 0, 0],
  ],
  totalCount: 4,
};

describe("TableResult", () => {
  it("draws an evaluation's threshold table as its four curves, each with its numbers under Data", async () => {
    render(<TableResult preview={thresholds} output="outputDetailTable" file="evaluate" auc={0.9876} />, {
      wrapper: inEnglish,
    });
    for (const name of ["ROC curve", "Precision-recall curve", "K-S curve", "Lift chart"]) {
      expect(screen.getByRole("figure", { name })).toBeTruthy();
      expect(screen.getByRole("img", { name })).toBeTruthy();
    }
    const roc = screen.getByRole("figure", { name: "ROC curve" });
    // The evaluation's own AUC, not the curve's.
    expect(roc.textContent).toContain("AUC 0.988");
    await userEvent.click(within(roc).getByRole("button", { name: "Data" }));
    const data = within(roc).getByRole("table", { name: "ROC curve data" });
    expect(within(data).getByRole("columnheader", { name: /False positive rate/ })).toBeTruthy();
    expect(within(roc).queryByRole("img")).toBeNull();
    // The raw rows stay reachable, folded away.
    expect(screen.getByText("4 rows of outputDetailTable")).toBeTruthy();
  });

  it("draws Histogram's table as one chart per column", () => {
    render(
      <TableResult
        preview={{
          columns: cols("feature", "bin", "lower", "upper", "count", "frequency"),
          rows: [
            ["pm2", 0, 0, 5, 3, 0.3],
            ["pm2", 1, 5, 10, 7, 0.7],
            ["so2", 0, 1, 2, 10, 1],
          ],
          totalCount: 3,
        }}
        output="outputTable"
        file="histogram"
      />,
      { wrapper: inEnglish },
    );
    expect(screen.getByRole("img", { name: "Histogram of pm2" })).toBeTruthy();
    expect(screen.getByRole("img", { name: "Histogram of so2" })).toBeTruthy();
  });

  it("names and words its charts in Chinese, numbers in the page's language", async () => {
    render(<TableResult preview={thresholds} output="outputDetailTable" file="evaluate" auc={0.9876} />, {
      wrapper: inChinese,
    });
    for (const name of ["ROC曲线", "精确率-召回率曲线", "K-S曲线", "提升图"])
      expect(screen.getByRole("img", { name })).toBeTruthy();
    const roc = screen.getByRole("figure", { name: "ROC曲线" });
    expect(roc.textContent).toContain("AUC：0.988");
    expect(within(roc).getByRole("button", { name: "保存为 PNG" })).toBeTruthy();
    await userEvent.click(within(roc).getByRole("button", { name: "数据" }));
    const data = within(roc).getByRole("table", { name: "ROC曲线 的数据" });
    expect(within(data).getByRole("columnheader", { name: /假正率/ })).toBeTruthy();
    expect(screen.getByRole("figure", { name: "精确率-召回率曲线" }).textContent).toContain("正样本占 50%");
    expect(screen.getByText("outputDetailTable 的 4 行数据")).toBeTruthy();
  });

  it("shows a plain table as its rows", () => {
    render(<TableResult preview={{ columns: cols("a"), rows: [[1]], totalCount: 1 }} output="t" file="s" />, {
      wrapper: inEnglish,
    });
    expect(screen.getByRole("table", { name: "Preview of t" })).toBeTruthy();
    expect(screen.queryByRole("figure")).toBeNull();
  });
});

describe("ValueResult", () => {
  it("lists a statistics value's columns, each with its distribution", () => {
    render(
      <ValueResult
        output="statistics"
        metrics
        value={[{ feature: "pm2", count: 10, mean: 4, histogram: { lower: 0, upper: 10, counts: [4, 6] } }]}
      />,
      { wrapper: inEnglish },
    );
    const table = screen.getByRole("table", { name: "Columns of statistics" });
    expect(within(table).getByRole("rowheader", { name: "pm2" })).toBeTruthy();
    expect(within(table).getByRole("img", { name: "Distribution of pm2 in 2 bins" })).toBeTruthy();
  });

  it("draws evaluation metrics only when asked", () => {
    const value = { AUC: 0.9, TP: 1, FP: 2, TN: 3, FN: 4 };
    const { rerender } = render(<ValueResult output="metrics" metrics value={value} />, {
      wrapper: inEnglish,
    });
    expect(screen.getByRole("table", { name: "Confusion matrix" })).toBeTruthy();
    rerender(<ValueResult output="metrics" metrics={false} value={value} />);
    expect(screen.queryByRole("table", { name: "Confusion matrix" })).toBeNull();
  });
});
