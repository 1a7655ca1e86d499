// Codec of Protocol.definition: the protocol document as content/protocols/*.yaml held it, validated on import.
import "server-only";
import { z } from "zod";
import { jsonColumn, trustedJsonColumn } from "@/app/_lib/json-column";
import type { ProtocolDefinition } from "./engine/definition";

/** Protocol.definition (validated by the seed when it is written). */
export const protocolDefinitionColumn = trustedJsonColumn<ProtocolDefinition>();

/** ProtocolRuleVersion.threshold: the threshold object of an editor's rule version (numbers by field name). */
export const ruleThresholdColumn = jsonColumn("ProtocolRuleVersion.threshold", z.record(z.string(), z.number()));
