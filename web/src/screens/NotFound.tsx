import { Link } from "react-router-dom";

export default function NotFound() {
  return (
    <div className="card">
      <h1>Page not found</h1>
      <p>
        There is no screen at this address. <Link to="/">Go home</Link>.
      </p>
    </div>
  );
}
