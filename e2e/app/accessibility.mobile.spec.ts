// The accessibility sweep on a phone (390 px); accessibility.spec.ts runs it on a desktop.
import { defineAccessibilitySweep } from "../helpers/a11y-sweep";

defineAccessibilitySweep();
