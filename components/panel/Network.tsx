import { useRef, useState } from 'preact/hooks';
import { shortAuthors } from '@/utils/display';
import type { WorkRef } from '@/utils/paper';
import { workLink } from './works';

/**
 * The citation network at a glance: this paper in the middle, works citing it on the left, works it
 * cites on the right, the ones already saved ringed. Each node with a link is an SVG link (Enter
 * opens it in a new tab); nodes without one are images; every node has a label. The picture is one
 * tab stop: arrow keys, Home and End move between its nodes (a roving tabindex), so sixty nodes do
 * not stand between the keyboard and the tables.
 */

const W = 320;
const H = 180;
const CX = W / 2;
const CY = H / 2;
/** Per side; the rest are counted in the caption (the tables list them all). */
export const MAX_NODES_PER_SIDE = 30;

export interface NetworkProps {
  title: string;
  citations: readonly WorkRef[];
  references: readonly WorkRef[];
  citationSaved: readonly (string | null | undefined)[];
  referenceSaved: readonly (string | null | undefined)[];
  paperSaved: boolean;
}

interface NodeSpec {
  x: number;
  y: number;
  work: WorkRef;
  saved: boolean;
  relation: 'citation' | 'reference';
}

/** Spreads n nodes over a half circle (left or right), alternating two radii when crowded. */
function place(n: number, side: 'left' | 'right'): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i < n; i++) {
    // Angle from -80° to 80° around the horizontal axis of that side.
    const t = n === 1 ? 0.5 : i / (n - 1);
    const a = ((-80 + 160 * t) * Math.PI) / 180;
    const r = n > 12 ? (i % 2 ? 72 : 52) : 64;
    const dx = Math.cos(a) * r * 1.55;
    out.push({ x: side === 'left' ? CX - dx : CX + dx, y: CY + Math.sin(a) * r });
  }
  return out;
}

function label(n: NodeSpec): string {
  const what = n.relation === 'citation' ? 'Cites this paper' : 'Cited by this paper';
  const title = (n.work.title ?? n.work.raw ?? 'Untitled work').trim();
  const by = shortAuthors(n.work.authors, 2);
  return [
    `${what}: ${title}`,
    by && `by ${by}`,
    n.work.year && String(n.work.year),
    n.saved && 'in your library',
  ]
    .filter(Boolean)
    .join(', ');
}

export function Network(props: NetworkProps) {
  const [active, setActive] = useState(0);
  const svgRef = useRef<SVGSVGElement>(null);
  const cit = props.citations.slice(0, MAX_NODES_PER_SIDE);
  const ref = props.references.slice(0, MAX_NODES_PER_SIDE);
  const nodes: NodeSpec[] = [
    ...place(cit.length, 'left').map((p, i) => ({
      ...p,
      work: cit[i]!,
      saved: Boolean(props.citationSaved[i]),
      relation: 'citation' as const,
    })),
    ...place(ref.length, 'right').map((p, i) => ({
      ...p,
      work: ref[i]!,
      saved: Boolean(props.referenceSaved[i]),
      relation: 'reference' as const,
    })),
  ];
  const current = Math.min(active, nodes.length - 1);
  const onKeyDown = (e: KeyboardEvent) => {
    const step: Record<string, number> = {
      ArrowRight: 1,
      ArrowDown: 1,
      ArrowLeft: -1,
      ArrowUp: -1,
    };
    let next: number;
    if (e.key in step) next = (current + step[e.key]! + nodes.length) % nodes.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = nodes.length - 1;
    else return;
    e.preventDefault();
    setActive(next);
    svgRef.current?.querySelectorAll<SVGElement>('[data-testid="network-node"]')[next]?.focus();
  };
  const hidden = props.citations.length - cit.length + (props.references.length - ref.length);

  return (
    <figure class="network" data-testid="network">
      <svg
        ref={svgRef}
        onKeyDown={onKeyDown}
        viewBox={`0 0 ${W} ${H}`}
        role="group"
        aria-label={`Citation network: ${props.citations.length} citing works, ${props.references.length} cited works. Arrow keys move between works.`}
      >
        {nodes.map((n, i) => (
          <line key={`l${i}`} class={`edge ${n.relation}`} x1={CX} y1={CY} x2={n.x} y2={n.y} />
        ))}
        {nodes.map((n, i) => {
          const text = label(n);
          const href = workLink(n.work);
          const focus = { tabindex: i === current ? 0 : -1, onFocus: () => setActive(i) };
          const dot = (
            <>
              <title>{text}</title>
              {n.saved && <circle class="saved-ring" cx={n.x} cy={n.y} r={9} />}
              <circle class={`node ${n.relation}`} cx={n.x} cy={n.y} r={6} />
            </>
          );
          return href ? (
            <a
              key={`n${i}`}
              href={href}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={text}
              {...focus}
              data-testid="network-node"
              data-relation={n.relation}
              data-saved={n.saved ? 'true' : 'false'}
            >
              {dot}
            </a>
          ) : (
            <g
              key={`n${i}`}
              {...focus}
              role="img"
              aria-label={text}
              data-testid="network-node"
              data-relation={n.relation}
              data-saved={n.saved ? 'true' : 'false'}
            >
              {dot}
            </g>
          );
        })}
        <g role="img" aria-label={`This paper: ${props.title}`}>
          <title>{props.title}</title>
          {props.paperSaved && <circle class="saved-ring" cx={CX} cy={CY} r={13} />}
          <circle class="node self" cx={CX} cy={CY} r={10} />
        </g>
      </svg>
      <figcaption class="legend">
        <span>
          <i class="swatch citation" aria-hidden="true" /> Cites this ({props.citations.length})
        </span>
        <span>
          <i class="swatch reference" aria-hidden="true" /> Cited ({props.references.length})
        </span>
        <span>
          <i class="swatch saved" aria-hidden="true" /> Saved
        </span>
        {hidden > 0 && <span>+{hidden} more in the tables</span>}
      </figcaption>
    </figure>
  );
}
