/** The components the local engine runs, by identifier. */
import type { Component } from "../engine/component";
import { appendColumns } from "./append-columns";
import { dataSource } from "./data-source";
import { evaluate } from "./evaluate";
import { logisticRegression, randomForest } from "./learning";
import { normalize } from "./normalize";
import { prediction } from "./prediction";
import { split } from "./split";
import { sql } from "./sql";
import { dataView, histograms } from "./statistics";
import { typeTransform } from "./type-transform";
import { writeTable } from "./write-table";

export const COMPONENTS: ReadonlyMap<string, Component> = new Map(
  [
    dataSource,
    typeTransform,
    split,
    sql,
    normalize,
    writeTable,
    appendColumns,
    dataView,
    histograms,
    logisticRegression,
    randomForest,
    prediction,
    evaluate,
  ].map((c) => [c.identifier, c]),
);
