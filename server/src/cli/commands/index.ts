/** The registry of `pfd` commands: to add one, write commands/<name>.ts and add it to this list. */
import type { Command } from "../command";
import { components } from "./components";
import { normalize } from "./normalize";
import { paiflowLocal } from "./paiflow-local";
import { run } from "./run";
import { tables } from "./tables";
import { validate } from "./validate";

export const commands: Command[] = [validate, normalize, components, run, paiflowLocal, tables];
