// GET/POST /api/auth/* — Auth.js endpoints (session, csrf, credentials callback, signout).
import { handlers } from "@/app/_core/auth";

export const { GET, POST } = handlers;
