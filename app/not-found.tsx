import Link from "next/link";
export default function NotFound() {
  return (
    <>
      <h1>Siden findes ikke</h1>
      <p><Link href="/">Gå til forsiden</Link>.</p>
    </>
  );
}
