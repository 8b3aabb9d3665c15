// The accessibility sweep on a desktop; accessibility.mobile.spec.ts runs it on a phone.
import { defineAccessibilitySweep } from "../helpers/a11y-sweep";

defineAccessibilitySweep();
