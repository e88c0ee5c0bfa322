import { useRef, useState, type PointerEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router-dom";
import { ApiError, data } from "../api/client";
import type { components } from "../api/schema";
import { useSession } from "../auth/session";
import { boxFromDrag, moveBox, toPercent, type BoxPct, type Point } from "../lib/boxDraw";
import { Badge, Card, ErrorBox, Field, Loading, PageTitle } from "../ui/ui";
import { useAction } from "../ui/useAction";
import { AdminImage, newSize, templateForm } from "./CouponImage";

type Template = components["schemas"]["CouponTemplateDto"];
type SizeDto = components["schemas"]["CouponTemplateSizeDto"];
type HAlign = components["schemas"]["HorizontalAlign"];
type VAlign = components["schemas"]["VerticalAlign"];

interface SizeEdit {
  size: SizeDto["size"];
  box: BoxPct;
  hAlign: HAlign;
  vAlign: VAlign;
  maxFontPx: number;
  color: string;
  outline: { color: string; widthPx: number } | null;
  showLogo: boolean;
}

function toEdit(s: SizeDto): SizeEdit {
  return {
    size: s.size,
    box: { leftPct: s.box.leftPct, topPct: s.box.topPct, widthPct: s.box.widthPct, heightPct: s.box.heightPct },
    hAlign: s.box.hAlign,
    vAlign: s.box.vAlign,
    maxFontPx: s.maxFontPx,
    color: s.color,
    outline: s.outline ?? null,
    showLogo: s.showLogo,
  };
}

/** The image with its text box: drag on the image to draw a new box, drag the box to move it (mouse, pen or touch). */
function BoxCanvas({ image, box, onChange, label }: { image: string; box: BoxPct; onChange: (box: BoxPct) => void; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const drag = useRef<{ mode: "draw" | "move"; start: Point; box: BoxPct; moved: boolean } | null>(null);
  const [draft, setDraft] = useState<BoxPct | null>(null);
  const point = (e: PointerEvent) => toPercent({ x: e.clientX, y: e.clientY }, host.current?.getBoundingClientRect() ?? { left: 0, top: 0, width: 0, height: 0 });
  const boxAt = (current: NonNullable<typeof drag.current>, p: Point) =>
    current.mode === "draw" ? boxFromDrag(current.start, p) : moveBox(current.box, p.x - current.start.x, p.y - current.start.y);
  const shown = draft ?? box;
  return (
    <div
      ref={host}
      className="canvas"
      // A mouse pressed on an image starts the browser's own drag of it, which would swallow the drawing.
      onDragStart={(e) => e.preventDefault()}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        const start = point(e);
        const inside = start.x >= box.leftPct && start.x <= box.leftPct + box.widthPct && start.y >= box.topPct && start.y <= box.topPct + box.heightPct;
        drag.current = { mode: inside ? "move" : "draw", start, box, moved: false };
      }}
      onPointerMove={(e) => {
        const current = drag.current;
        if (current === null) return;
        current.moved = true;
        setDraft(boxAt(current, point(e)));
      }}
      // The box is where the pointer is let go: a move and the release can come before the draft of the move is drawn.
      onPointerUp={(e) => {
        const current = drag.current;
        drag.current = null;
        setDraft(null);
        if (current?.moved) onChange(boxAt(current, point(e)));
      }}
      onPointerCancel={() => {
        drag.current = null;
        setDraft(null);
      }}
    >
      <AdminImage path={image} alt={label} />
      <div className="box" style={{ left: `${shown.leftPct}%`, top: `${shown.topPct}%`, width: `${shown.widthPct}%`, height: `${shown.heightPct}%` }} aria-hidden="true" />
    </div>
  );
}

function SizeEditor({ template, edit, onChange, errors, index }: { template: Template; edit: SizeEdit; onChange: (edit: SizeEdit) => void; errors: Record<string, string[]> | undefined; index: number }) {
  const dto = template.sizes.find((s) => s.size === edit.size);
  const at = (field: string) => `sizes[${index}].${field}`;
  const num = (key: keyof BoxPct, label: string) => (
    <Field label={label} name={at(`box.${key}`)} errors={errors}>
      {(p) => <input {...p} type="number" step="0.1" min={0} max={100} value={edit.box[key]} onChange={(e) => onChange({ ...edit, box: { ...edit.box, [key]: Number(e.target.value) } })} />}
    </Field>
  );
  return (
    <div className="grid">
      {dto ? <BoxCanvas image={dto.image.adminUrl} label={`${template.name}, ${dto.label}`} box={edit.box} onChange={(box) => onChange({ ...edit, box })} /> : null}
      <div className="stack">
        <p className="muted">Drag on the image to draw where the code goes; drag the box to move it. Or type exact values:</p>
        <div className="row">{num("leftPct", "Left %")}{num("topPct", "Top %")}{num("widthPct", "Width %")}{num("heightPct", "Height %")}</div>
        <div className="row">
          <Field label="Horizontal" name={at("box.hAlign")} errors={errors}>
            {(p) => <select {...p} value={edit.hAlign} onChange={(e) => onChange({ ...edit, hAlign: e.target.value as HAlign })}>{(["left", "center", "right"] as HAlign[]).map((v) => <option key={v} value={v}>{v}</option>)}</select>}
          </Field>
          <Field label="Vertical" name={at("box.vAlign")} errors={errors}>
            {(p) => <select {...p} value={edit.vAlign} onChange={(e) => onChange({ ...edit, vAlign: e.target.value as VAlign })}>{(["top", "middle", "bottom"] as VAlign[]).map((v) => <option key={v} value={v}>{v}</option>)}</select>}
          </Field>
          <Field label="Largest text size (px)" name={at("maxFontPx")} errors={errors}>
            {(p) => <input {...p} type="number" min={8} value={edit.maxFontPx} onChange={(e) => onChange({ ...edit, maxFontPx: Number(e.target.value) })} />}
          </Field>
        </div>
        <div className="row">
          <Field label="Text colour" name={at("color")} errors={errors}>
            {(p) => <input {...p} type="color" value={edit.color} onChange={(e) => onChange({ ...edit, color: e.target.value })} />}
          </Field>
          <label className="check"><input type="checkbox" checked={edit.outline !== null} onChange={(e) => onChange({ ...edit, outline: e.target.checked ? { color: "#000000", widthPx: 4 } : null })} /> Outline</label>
          {edit.outline === null ? null : (
            <>
              <Field label="Outline colour" name={at("outline.color")} errors={errors}>
                {(p) => <input {...p} type="color" value={edit.outline?.color ?? "#000000"} onChange={(e) => onChange({ ...edit, outline: { color: e.target.value, widthPx: edit.outline?.widthPx ?? 4 } })} />}
              </Field>
              <Field label="Outline width (px)" name={at("outline.widthPx")} errors={errors}>
                {(p) => <input {...p} type="number" min={1} value={edit.outline?.widthPx ?? 4} onChange={(e) => onChange({ ...edit, outline: { color: edit.outline?.color ?? "#000000", widthPx: Number(e.target.value) } })} />}
              </Field>
            </>
          )}
        </div>
      </div>
    </div>
  );
}

function Editor({ template }: { template: Template }) {
  const { api, isAdmin } = useSession();
  const [edits, setEdits] = useState<SizeEdit[]>(() => template.sizes.map(toEdit));
  const [selected, setSelected] = useState(0);
  const [flags, setFlags] = useState({ telegramEnabled: template.telegramEnabled, webEnabled: template.webEnabled });
  const [files, setFiles] = useState<Partial<Record<"square" | "story" | "feed", File | null>>>({});
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const save = useAction(
    async () => {
      const fields = JSON.stringify({
        name: template.name,
        slug: template.slug,
        ...flags,
        expectedVersion: template.version,
        sizes: [
          ...edits.map((e) => ({ size: e.size, box: { ...e.box, hAlign: e.hAlign, vAlign: e.vAlign }, maxFontPx: e.maxFontPx, color: e.color, outline: e.outline, showLogo: e.showLogo })),
          ...(Object.keys(files) as ("square" | "story" | "feed")[]).filter((s) => files[s] && !edits.some((e) => e.size === s)).map((size) => newSize(size)),
        ],
      });
      return data(await api.PUT("/api/coupons/templates/{id}", { params: { path: { id: template.id } }, body: { template: fields }, bodySerializer: (body) => templateForm(body.template ?? "", files) }));
    },
    ["coupon-template", "coupon-templates"],
  );
  const preview = useAction(async () => {
    const size = edits[selected]?.size ?? "square";
    const result = await api.POST("/api/coupons/templates/{id}/preview", { params: { path: { id: template.id } }, body: { size, code: null }, parseAs: "blob" });
    if (!(result.data instanceof Blob)) throw new ApiError({ status: 500, title: "The preview was not an image." });
    return result.data;
  }, [], (blob) => setPreviewUrl((old) => { if (old) URL.revokeObjectURL(old); return URL.createObjectURL(blob); }));
  const edit = edits[selected];
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  return (
    <>
      <PageTitle
        title={template.name}
        subtitle={`/${template.slug} · version ${template.version}`}
        actions={isAdmin ? <button type="button" className="primary" disabled={save.isPending} onClick={() => save.mutate(undefined)}>Save template</button> : undefined}
      />
      <p><Link to="/coupons">← All templates</Link></p>
      {conflict ? <div role="alert" className="error-box">Someone saved this template meanwhile. Reload the page to see their version, then apply your change again.</div> : null}
      {save.isError && !conflict ? <ErrorBox error={save.error} /> : null}
      {save.isSuccess ? <p role="status">Saved. Preview shows the saved version.</p> : null}
      <Card title="Where it is offered">
        <div className="row">
          <label className="check"><input type="checkbox" disabled={!isAdmin} checked={flags.telegramEnabled} onChange={(e) => setFlags({ ...flags, telegramEnabled: e.target.checked })} /> In the coupon bot</label>
          <label className="check"><input type="checkbox" disabled={!isAdmin} checked={flags.webEnabled} onChange={(e) => setFlags({ ...flags, webEnabled: e.target.checked })} /> On the web generator</label>
        </div>
      </Card>
      <Card title="Text box and style">
        <nav className="tabs" aria-label="Sizes">
          {edits.map((e, i) => (
            <button key={e.size} type="button" aria-pressed={i === selected} className={i === selected ? "primary" : undefined} onClick={() => setSelected(i)}>{template.sizes[i]?.label ?? e.size}</button>
          ))}
        </nav>
        {edit === undefined ? <p className="muted">This template has no size yet.</p> : (
          <SizeEditor template={template} edit={edit} index={selected} errors={save.fieldErrors} onChange={(next) => setEdits(edits.map((x, i) => (i === selected ? next : x)))} />
        )}
      </Card>
      {isAdmin ? (
        <Card title="Images">
          <div className="row">
            {(["square", "story", "feed"] as const).map((size) => (
              <Field key={size} label={`${size} image${template.sizes.some((s) => s.size === size) ? " (replace)" : " (add)"}`} name={size} errors={save.fieldErrors}>
                {(p) => <input {...p} type="file" accept="image/png,image/jpeg,image/webp" onChange={(e) => setFiles({ ...files, [size]: e.target.files?.[0] ?? null })} />}
              </Field>
            ))}
          </div>
        </Card>
      ) : null}
      <Card title="Preview (the bot's renderer)" actions={<button type="button" disabled={preview.isPending} onClick={() => preview.mutate(undefined)}>{preview.isPending ? "Rendering…" : "Render preview"}</button>}>
        {preview.isError ? <ErrorBox error={preview.error} /> : null}
        {previewUrl ? <img src={previewUrl} alt="Server-rendered preview with a sample code" className="preview" style={{ maxWidth: "100%", maxHeight: "70vh" }} /> : <p className="muted">Render to see the saved template exactly as the bot sends it.</p>}
        <Badge tone="info">Save first: the preview draws the saved version.</Badge>
      </Card>
    </>
  );
}

export default function CouponEditor() {
  const { api } = useSession();
  const id = Number(useParams()["id"]);
  const template = useQuery({ queryKey: ["coupon-template", id], queryFn: async () => data(await api.GET("/api/coupons/templates/{id}", { params: { path: { id } } })) });
  if (template.isPending) return <Loading />;
  if (template.isError) return <ErrorBox error={template.error} />;
  return <Editor key={template.data.version} template={template.data} />;
}
