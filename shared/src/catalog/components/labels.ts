/**
 * PAI Designer's Chinese labels of the official components' parameters, as its form shows
 * them. A parameter name reads the same in every component that has it, unless the component
 * is listed below with a label of its own. Correcting a label is editing one line here.
 */
import type { ComponentSpec } from "../types";

const ZH: Record<string, string> = {
  inputTableName: "表名",
  hasPartition: "分区表",
  partition: "分区",
  inputTablePartitions: "读取的分区",
  outputTableName: "输出表名",
  outputTablePartition: "输出表分区",
  cols_to_double: "转换为 double 类型的列",
  cols_to_int: "转换为 bigint 类型的列",
  cols_to_string: "转换为 string 类型的列",
  default_int_value: "转换为 bigint 失败时的默认值",
  default_double_value: "转换为 double 失败时的默认值",
  default_string_value: "转换为 string 失败时的默认值",
  reserveOldFeat: "保留原列",
  lifecycle: "输出表生命周期",
  coreNum: "核心数",
  memSizePerCore: "每个核心的内存大小（MB）",
  _advanced: "高级选项",
  _splitMethod: "拆分方式",
  fraction: "切分比例",
  randomSeed: "随机数种子",
  idColName: "ID 列",
  thresholdColName: "阈值列",
  threshold: "阈值",
  output1TableName: "输出表 1 表名",
  output2TableName: "输出表 2 表名",
  output1TablePartition: "输出表 1 分区",
  output2TablePartition: "输出表 2 分区",
  sql: "SQL 脚本",
  scriptMode: "脚本模式",
  addCreateTableStatement: "添加 Create Table 语句",
  selectedColNames: "选择列",
  keepOriginal: "保留原始列",
  outputParaTableName: "参数输出表名",
  leftColumns: "左表输出列",
  rightColumns: "右表输出列",
  generatePmml: "生成 PMML",
  featureColNames: "特征列",
  labelColName: "标签列",
  goodValue: "目标基准值",
  enableSparse: "稀疏格式",
  regularizedType: "正则化类型",
  regularizedLevel: "正则系数",
  maxIter: "最大迭代次数",
  epsilon: "最小收敛误差",
  modelName: "模型名称",
  excludedColNames: "排除列",
  weightColName: "权重列",
  forceCategorical: "强制转换为枚举特征的列",
  treeNum: "森林中树的个数",
  minNumObj: "叶节点数据的最小个数",
  minNumPer: "叶节点数据个数占父节点的最小比例",
  maxRecordSize: "每棵树输入的最大数据量",
  maxTreeDeep: "单棵树的最大深度",
  randomColNum: "单棵树的随机特征个数",
  algorithmTypes: "单棵树的算法在森林中的位置",
  appendColNames: "原样输出列",
  resultColName: "预测结果列名",
  scoreColName: "预测分数列名",
  detailColName: "预测详情列名",
  positiveLabel: "正样本的标签值",
  binCount: "等频分组数",
  outputMetricTableName: "指标输出表名",
  outputDetailTableName: "详细输出表名",
  selectedCols: "选择列",
  labelCol: "标签列",
  isSparse: "稀疏格式",
  maxBins: "连续特征分箱数",
  intervalNum: "分箱数",
};

/** What each component does, as PAI Designer's help says it in Chinese. */
const DESCRIPTION_ZH: Record<string, string> = {
  data_source: "读取 MaxCompute 表（可只读部分分区）。",
  SqlWriteTable_1: "将输入数据写入 MaxCompute 表。",
  type_transform: "将列转换为 double、bigint 或 string 类型，无法转换的值用默认值填充。",
  split: "按随机比例或按某列的阈值将表拆分为两个。",
  sql: `对最多四个输入（\${t1}..\${t4}）执行 MaxCompute SQL 语句。`,
  normalize_1: "将数值列缩放到 [0, 1]（最小-最大归一化）。",
  AppendColumns: "将行数相同的两个表的列并排合并。",
  logisticregression_binary: "训练用于二分类标签的逻辑回归模型。",
  random_forests_1: "训练随机森林分类模型。",
  Prediction_1: "用训练好的模型对表进行预测打分。",
  evaluate_1: "计算二分类预测的 AUC、KS、F1 及 ROC、Lift 曲线。",
  fe_meta_runner: "展示每个特征的分布及其与标签的关系。",
  histograms: "为每个选中的列绘制直方图。",
};

/** Components whose form labels a shared parameter name its own way. */
const ZH_BY_COMPONENT: Record<string, Record<string, string>> = {
  evaluate_1: { scoreColName: "分数列" },
  SqlWriteTable_1: { hasPartition: "写入分区", outputTableName: "表名" },
};

/** The components with their Chinese descriptions and parameter labels filled in. */
export function withChineseTexts(components: readonly ComponentSpec[]): ComponentSpec[] {
  return components.map((c) => ({
    ...c,
    ...(DESCRIPTION_ZH[c.identifier]
      ? { descriptions: { ...c.descriptions, zh: DESCRIPTION_ZH[c.identifier] } }
      : {}),
    parameters: c.parameters.map((p) => {
      const zh = ZH_BY_COMPONENT[c.identifier]?.[p.name] ?? ZH[p.name];
      return zh === undefined ? p : { ...p, label: { ...p.label, zh } };
    }),
  }));
}
