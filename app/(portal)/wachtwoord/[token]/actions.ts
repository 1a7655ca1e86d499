"use server";
import { z } from "zod";
import { action } from "@/app/_core/action";
import { db } from "@/app/_core/db";
import { usePasswordReset } from "@/app/_modules/admin/users";

export const setPasswordAction = action(
  { name: "password.reset", schema: z.object({ token: z.string().max(100), password: z.string().max(200) }) },
  async ({ token, password }) => usePasswordReset(db(), token, password),
);
