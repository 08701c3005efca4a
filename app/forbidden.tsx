import Link from "next/link";
export default function Forbidden() {
  return (
    <>
      <h1>Ingen adgang</h1>
      <p>Din rolle giver ikke adgang til denne side. <Link href="/">Gå til forsiden</Link>.</p>
    </>
  );
}
