// Codec of Protocol.definition: the protocol document as content/protocols/*.yaml held it, validated on import.
import "server-only";
import { trustedJsonColumn } from "@/app/_lib/json-column";
import type { ProtocolDefinition } from "./engine/definition";

/** Protocol.definition (validated by the seed when it is written). */
export const protocolDefinitionColumn = trustedJsonColumn<ProtocolDefinition>();
