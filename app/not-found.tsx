import Link from "next/link";

export default function NotFound() {
  return (
    <div className="card mx-auto max-w-md space-y-3 text-center">
      <h1 className="text-xl font-bold">Page not found</h1>
      <p className="muted">The page you asked for does not exist or has moved.</p>
      <Link href="/" className="btn-primary">Back to the status page</Link>
    </div>
  );
}
