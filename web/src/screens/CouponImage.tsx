import { useEffect, useState } from "react";
import { useSession } from "../auth/session";

/** An image the API serves to signed-in users only, fetched with the session's token and shown from a blob URL. */
export function AdminImage({ path, alt, className }: { path: string; alt: string; className?: string }) {
  const { fetchFile } = useSession();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let revoked = false;
    let objectUrl: string | null = null;
    fetchFile(path).then(
      (blob) => {
        if (!revoked) {
          objectUrl = URL.createObjectURL(blob);
          setUrl(objectUrl);
        }
      },
      () => setFailed(true),
    );
    return () => {
      revoked = true;
      if (objectUrl !== null) URL.revokeObjectURL(objectUrl);
    };
  }, [path, fetchFile]);
  if (failed) return <p className="muted">The image could not be loaded.</p>;
  return url === null ? <div className="muted" role="status">Loading image…</div> : <img src={url} alt={alt} className={className} />;
}

/**
 * A size as the API takes it when first added (it requires the box, the font size and the colour): white text in a box
 * across the lower part of the image, to be drawn where it belongs in the editor.
 */
export function newSize(size: "square" | "story" | "feed") {
  return {
    size,
    box: { leftPct: 10, topPct: 70, widthPct: 80, heightPct: 15, hAlign: "center", vAlign: "middle" },
    maxFontPx: 80,
    color: "#FFFFFF",
    outline: null,
    showLogo: false,
  };
}

/** The multipart form the template endpoints take: the fields as JSON in `template`, and the image files by size. */
export function templateForm(template: string, files: Partial<Record<"square" | "story" | "feed" | "logo", File | null>>): FormData {
  const body = new FormData();
  body.append("template", template);
  for (const [name, file] of Object.entries(files)) {
    if (file !== null && file !== undefined) body.append(name, file);
  }
  return body;
}
