/**
 * Pipeline templates: manifests shipped with the app (the files beside this one), opened as a
 * new pipeline. Adding a template is adding a manifest file and one entry here.
 */
import readAndConvert from "./read-and-convert.yaml?raw";
import smogPrediction from "./smog-prediction.yaml?raw";

export interface Template {
  /** Names the template's messages: `template.<id>.name` and `template.<id>.description`. */
  id: "read-and-convert" | "smog-prediction";
  yaml: string;
}

export const TEMPLATES: readonly Template[] = [
  {
    id: "read-and-convert",
    yaml: readAndConvert,
  },
  {
    id: "smog-prediction",
    yaml: smogPrediction,
  },
];
