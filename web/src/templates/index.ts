/**
 * Pipeline templates: manifests shipped with the app (the files beside this one), opened as a
 * new pipeline. Adding a template is adding a manifest file and one entry here.
 */
import readAndConvert from "./read-and-convert.yaml?raw";
import smogPrediction from "./smog-prediction.yaml?raw";

export interface Template {
  id: string;
  name: string;
  description: string;
  yaml: string;
}

export const TEMPLATES: readonly Template[] = [
  {
    id: "read-and-convert",
    name: "Read and convert",
    description: "Read Table -> Data Type Conversion: the CreatePipelineRun sample.",
    yaml: readAndConvert,
  },
  {
    id: "smog-prediction",
    name: "Smog prediction (binary classification)",
    description:
      "Label smog days, normalize, split 80/20, train a random forest and a logistic regression, predict and evaluate both.",
    yaml: smogPrediction,
  },
];
