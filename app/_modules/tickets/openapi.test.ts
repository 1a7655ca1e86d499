import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

describe("OpenAPI document", () => {
  const doc = openApiDocument("http://localhost:3000") as ReturnType<typeof openApiDocument> & {
    components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
  };

  it("is OpenAPI 3.1 with the five token routes and bearer security", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/api/v1/contacts",
      "/api/v1/organisations",
      "/api/v1/protocol/evaluate",
      "/api/v1/protocol/leave",
      "/api/v1/tickets",
      "/api/v1/tickets/{reference}",
    ]);
    expect(Object.keys(doc.paths["/api/v1/tickets"]).sort()).toEqual(["get", "post"]);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("documents the protocol checks with the protocol versions they applied", () => {
    const answer = doc.paths["/api/v1/protocol/evaluate"].post.responses["200"].content["application/json"].schema;
    expect(answer.required).toEqual(["protocolVersion"]);
    expect(doc.components.schemas.ProtocolVersion.required).toEqual(["id", "validFrom", "validUntil"]);
    expect(JSON.stringify(doc.components.schemas.ProtocolEvaluateRequest)).toContain("asOf");
    expect(doc.paths["/api/v1/protocol/leave"].post.requestBody.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/ProtocolLeaveRequest",
    });
  });

  it("names the organisation and the school concerned on tickets, and documents the organisation search", () => {
    expect(Object.keys(doc.components.schemas.Ticket!.properties!)).toEqual(
      expect.arrayContaining(["organisation", "schoolConcerned"]),
    );
    const params = (doc.paths["/api/v1/organisations"] as { get: { parameters: { name: string }[] } }).get.parameters;
    expect(params.map((p) => p.name).sort()).toEqual(["code", "limit", "q"]);
  });

  it("describes the request bodies the routes validate with, from the same zod schemas", () => {
    const create = doc.components.schemas.TicketCreate!;
    expect(Object.keys(create.properties!)).toEqual(
      expect.arrayContaining(["callerType", "question", "email", "channel", "desk", "attachments"]),
    );
    expect(create.required).toEqual(
      expect.arrayContaining(["callerType", "question", "email", "name", "organisation"]),
    );
    expect(create.required).not.toContain("topic");
    expect(doc.components.schemas.Ticket!.required).toEqual(
      expect.arrayContaining(["reference", "desk", "status", "channel", "messages", "resolutionDueAt"]),
    );
    expect(doc.components.schemas.ContactAnnouncement!.required).toEqual(["callerNumber"]);
    const list = doc.paths["/api/v1/tickets"].get.parameters.map((p) => p.name).sort();
    expect(list).toEqual(["cursor", "desk", "limit", "status", "updatedSince"]);
    expect(JSON.stringify(doc)).not.toContain("$schema");
  });

  it("lists the webhook events with their signed payloads, from the schemas the bodies are checked against", () => {
    const hooks = (
      doc as unknown as {
        webhooks: Record<
          string,
          {
            post: {
              description: string;
              requestBody: { content: { "application/json": { schema: { $ref: string } } } };
            };
          }
        >;
      }
    ).webhooks;
    expect(Object.keys(hooks)).toEqual([
      "ticket.created",
      "ticket.updated",
      "ticket.resolved",
      "ticket.transferred",
      "ticket.merged",
      "ticket.note_added",
      "contact.logged",
    ]);
    expect(hooks["ticket.transferred"]!.post.requestBody.content["application/json"].schema.$ref).toBe(
      "#/components/schemas/WebhookTicketTransferred",
    );
    expect(hooks["ticket.created"]!.post.description).toContain("X-Portal-Signature: t=<unix seconds>,v1=<hex>");
    expect(hooks["contact.logged"]!.post.requestBody.content["application/json"].schema.$ref).toBe(
      "#/components/schemas/WebhookContactLogged",
    );
    const ticket = doc.components.schemas.WebhookTicketUpdated! as {
      required?: string[];
      properties?: Record<string, { required?: string[]; properties?: Record<string, unknown> }>;
    };
    expect(ticket.required).toEqual(["id", "type", "createdAt", "data"]);
    expect(ticket.properties!.data!.required).toEqual(
      expect.arrayContaining(["reference", "desk", "status", "channel", "changes"]),
    );
    expect(JSON.stringify(doc)).not.toContain("$defs");
  });
});
