/**
 * The local workspace's templates (PaiStudio ListTemplates / GetTemplate): PAI Designer canvases
 * built from components the local engine runs and the sample table, so "create from template"
 * and opening one work offline. Their node ids have Designer's `id-xxxx-<ms>-<n>` form.
 */
import { ApiError, intParam } from "../errors";

const node = (
  id: string,
  name: string,
  identifier: string,
  properties: [string, unknown][],
  x: number,
  y: number,
) => ({
  id,
  name,
  metadata: { identifier, version: "v1", provider: "pai" },
  properties: properties.map(([n, value]) => ({ name: n, value })),
  position: { x, y },
});
const edge = (source: string, sourceAnchor: string, target: string, targetAnchor: string) => ({
  source,
  sourceAnchor,
  target,
  targetAnchor,
});

const AIR_QUALITY = {
  nodes: [
    node(
      "id-3a91-1704067200101-20417",
      "读数据表",
      "data_source",
      [
        ["inputTableName", "pai_online_project.wumai_data"],
        ["hasPartition", false],
      ],
      300,
      80,
    ),
    node(
      "id-5c02-1704067200343-71858",
      "类型转换",
      "type_transform",
      [
        ["cols_to_double", "pm2,pm10,so2,co,no2"],
        ["cols_to_int", "hour"],
      ],
      300,
      220,
    ),
    node(
      "id-8e47-1704067200577-39910",
      "直方图",
      "histograms",
      [
        ["selectedColNames", "pm2,pm10,so2"],
        ["intervalNum", "50"],
      ],
      140,
      380,
    ),
    node(
      "id-b6d1-1704067200812-05521",
      "数据视图",
      "fe_meta_runner",
      [
        ["selectedCols", "pm10,so2,co,no2"],
        ["maxBins", "50"],
      ],
      460,
      380,
    ),
  ],
  edges: [
    edge("id-3a91-1704067200101-20417", "outputTable", "id-5c02-1704067200343-71858", "inputTable"),
    edge("id-5c02-1704067200343-71858", "outputTable", "id-8e47-1704067200577-39910", "inputTable"),
    edge("id-5c02-1704067200343-71858", "outputTable", "id-b6d1-1704067200812-05521", "inputTable"),
  ],
  globalParams: [],
  globalSettings: [],
};

const T1 = "$" + "{t1}";
const PM25_LR = {
  nodes: [
    node(
      "id-0f6e-1704153600120-88213",
      "读数据表",
      "data_source",
      [["inputTableName", "pai_online_project.wumai_data"]],
      320,
      60,
    ),
    node(
      "id-2b77-1704153600366-14072",
      "SQL脚本",
      "sql",
      [
        [
          "sql",
          `select cast(pm10 as double) as pm10, cast(so2 as double) as so2, cast(co as double) as co, cast(no2 as double) as no2, case when cast(pm2 as double) > 200 then 1 else 0 end as label from ${T1}`,
        ],
      ],
      320,
      180,
    ),
    node(
      "id-4d18-1704153600591-63027",
      "拆分",
      "split",
      [
        ["fraction", "0.7"],
        ["randomSeed", "7"],
      ],
      320,
      300,
    ),
    node(
      "id-7a30-1704153600829-90154",
      "逻辑回归二分类",
      "logisticregression_binary",
      [
        ["featureColNames", "pm10,so2,co,no2"],
        ["labelColName", "label"],
        ["goodValue", "1"],
        ["generatePmml", false],
      ],
      160,
      420,
    ),
    node(
      "id-9c45-1704153601048-27786",
      "预测",
      "Prediction_1",
      [
        ["featureColNames", "pm10,so2,co,no2"],
        ["appendColNames", "label"],
      ],
      320,
      540,
    ),
    node(
      "id-c812-1704153601277-51340",
      "二分类评估",
      "evaluate_1",
      [
        ["labelColName", "label"],
        ["scoreColName", "prediction_score"],
        ["positiveLabel", "1"],
      ],
      320,
      660,
    ),
  ],
  edges: [
    edge("id-0f6e-1704153600120-88213", "outputTable", "id-2b77-1704153600366-14072", "inputTable1"),
    edge("id-2b77-1704153600366-14072", "outputTable", "id-4d18-1704153600591-63027", "inputTable"),
    edge("id-4d18-1704153600591-63027", "output1Table", "id-7a30-1704153600829-90154", "inputTable"),
    edge("id-7a30-1704153600829-90154", "model", "id-9c45-1704153601048-27786", "model"),
    edge("id-4d18-1704153600591-63027", "output2Table", "id-9c45-1704153601048-27786", "inputTable"),
    edge("id-9c45-1704153601048-27786", "outputTable", "id-c812-1704153601277-51340", "inputTable"),
  ],
  globalParams: [],
  globalSettings: [],
};

interface LocalTemplate {
  TemplateId: string;
  Name: string;
  Description: string;
  Detail: string;
  Content: string;
  TypeName: string;
}

const TEMPLATES: readonly LocalTemplate[] = [
  {
    TemplateId: "template-air-quality-overview",
    Name: "空气质量数据探查 (Air quality overview)",
    Description: "Read the sample air-quality table, convert its columns to numbers, chart and profile them.",
    Detail: "读数据表 → 类型转换 → 直方图 / 数据视图",
    Content: JSON.stringify(AIR_QUALITY),
    TypeName: "数据探查",
  },
  {
    TemplateId: "template-pm25-logistic-regression",
    Name: "PM2.5 超标预测 (Logistic regression)",
    Description:
      "Label hours with PM2.5 over 200, split 70/30, train a logistic regression, predict and evaluate.",
    Detail: "读数据表 → SQL脚本 → 拆分 → 逻辑回归二分类 → 预测 → 二分类评估",
    Content: JSON.stringify(PM25_LR),
    TypeName: "分类",
  },
];

const PUBLISHED = "2024-01-01T00:00:00.000Z";

function templateOf(t: LocalTemplate, withContent: boolean): Record<string, unknown> {
  return {
    TemplateId: t.TemplateId,
    Name: t.Name,
    Description: t.Description,
    Detail: t.Detail,
    DocLink: "",
    ImageLink: "",
    Labels: [],
    Creator: "pai",
    GmtCreateTime: PUBLISHED,
    GmtModifiedTime: PUBLISHED,
    ...(withContent ? { Content: t.Content } : {}),
  };
}

/** A template's canvas; undefined when there is no such template. */
export function templateContent(id: string): string | undefined {
  return TEMPLATES.find((t) => t.TemplateId === id)?.Content;
}

export function listTemplates(query: Record<string, string>): Record<string, unknown> {
  const page = intParam(query.PageNumber, "PageNumber", 1, 1, 1_000_000);
  const size = intParam(query.PageSize, "PageSize", 20, 1, 100);
  const verbose = query.Verbose === "true";
  const found = TEMPLATES.filter((t) => !query.Name || t.Name.includes(query.Name));
  return {
    TotalCount: found.length,
    TemplateData: found.slice((page - 1) * size, page * size).map((t) => ({
      Template: templateOf(t, verbose),
      TemplateType: { TypeId: `template-type-${t.TypeName}`, Name: t.TypeName },
    })),
  };
}

export function getTemplate(id: string): Record<string, unknown> {
  const t = TEMPLATES.find((x) => x.TemplateId === id);
  if (!t) throw new ApiError(404, "TemplateNotFound", `The template "${id}" does not exist.`);
  return { ...templateOf(t, true), SourceType: "PaiStudio", SourceId: "", TemplateType: t.TypeName };
}
