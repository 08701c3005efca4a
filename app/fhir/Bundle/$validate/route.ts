import { receive } from "@/lib/ingest/receiver";

export const dynamic = "force-dynamic";
export const POST = (req: Request) => receive(req, "validate");
