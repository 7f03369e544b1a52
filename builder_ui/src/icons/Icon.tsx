// Small line icons drawn as inline SVG. Emoji (💾 🚀 📅 …) need a colour-emoji font, which headless Chromium and
// many clinic PCs lack: they showed as ☒. An SVG draws the same on every machine and takes the text's colour.
import type { ReactElement } from "react";

type Shape = ReactElement;

const p = (d: string): Shape => <path d={d} />;
const c = (cx: number, cy: number, r: number): Shape => <circle cx={cx} cy={cy} r={r} />;
const rect = (x: number, y: number, w: number, h: number, rx = 0): Shape => (
  <rect x={x} y={y} width={w} height={h} rx={rx} />
);

// 24×24, stroked with currentColor; each entry is the shapes of one icon.
const SHAPES = {
  alarm: [c(12, 13, 8), p("M12 9v4l2 2"), p("M5 3 2 6"), p("m22 6-3-3")],
  archive: [rect(3, 4, 18, 4, 1), p("M5 8v11a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V8"), p("M10 12h4")],
  ban: [c(12, 12, 9), p("m5.6 5.6 12.8 12.8")],
  bell: [p("M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9"), p("M13.7 21a2 2 0 0 1-3.4 0")],
  book: [p("M2 4h6a4 4 0 0 1 4 4v13a3 3 0 0 0-3-3H2z"), p("M22 4h-6a4 4 0 0 0-4 4v13a3 3 0 0 1 3-3h7z")],
  branch: [p("M12 3v7"), p("M12 10 6 19"), p("m12 10 6 9"), c(6, 19, 2), c(18, 19, 2)],
  calendar: [rect(3, 5, 18, 16, 2), p("M16 3v4"), p("M8 3v4"), p("M3 10h18")],
  calendarX: [rect(3, 5, 18, 16, 2), p("M16 3v4"), p("M8 3v4"), p("M3 10h18"), p("m10 13 4 4"), p("m14 13-4 4")],
  calendarDay: [rect(3, 5, 18, 16, 2), p("M16 3v4"), p("M8 3v4"), p("M3 10h18"), rect(7, 13, 4, 4)],
  chat: [p("M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z")],
  check: [c(12, 12, 9), p("m8 12 3 3 5-6")],
  clipboard: [rect(8, 2, 8, 4, 1), p("M16 4h2a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h2")],
  clinic: [p("M3 21h18"), p("M5 21V7l7-4 7 4v14"), p("M12 9v6"), p("M9 12h6")],
  cursor: [p("m4 4 7 17 2.5-7.5L21 11z")],
  file: [p("M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z"), p("M14 2v6h6")],
  flag: [p("M5 22V3"), p("M5 4h13l-2.5 4.5L18 13H5")],
  folder: [p("M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z")],
  help: [c(12, 12, 9), p("M9.1 9a3 3 0 0 1 5.8 1c0 2-3 2.5-3 4"), p("M12 17.5h.01")],
  hourglass: [p("M6 2h12"), p("M6 22h12"), p("M7 2v4l5 6-5 6v4"), p("M17 2v4l-5 6 5 6v4")],
  idea: [p("M9 18h6"), p("M10 22h4"), p("M12 2a7 7 0 0 0-4 12.7c.6.5 1 1.3 1 2.1V17h6v-.2c0-.8.4-1.6 1-2.1A7 7 0 0 0 12 2z")],
  inbox: [p("M12 3v10"), p("m8 9 4 4 4-4"), p("M4 14v5a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-5")],
  info: [c(12, 12, 9), p("M12 16v-4"), p("M12 8h.01")],
  lock: [rect(5, 11, 14, 10, 2), p("M8 11V7a4 4 0 0 1 8 0v4")],
  mail: [rect(2, 4, 20, 16, 2), p("m22 6-10 7L2 6")],
  megaphone: [p("M3 11v3a1 1 0 0 0 1 1h2l5 4V6L6 10H4a1 1 0 0 0-1 1z"), p("M15 9a4 4 0 0 1 0 6"), p("M18 6a8 8 0 0 1 0 12")],
  pause: [p("M9 5v14"), p("M15 5v14")],
  play: [p("M7 4v16l13-8z")],
  pencil: [p("M17 3l4 4L8 20H4v-4z")],
  save: [p("M5 3h11l3 3v13a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"), p("M7 3v5h8V3"), p("M7 21v-7h10v7")],
  search: [c(11, 11, 7), p("m21 21-5-5")],
  send: [p("M22 2 11 13"), p("M22 2 15 22l-4-9-9-4z")],
  shield: [p("M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z")],
  stethoscope: [p("M6 3H4v6a5 5 0 0 0 10 0V3h-2"), p("M9 14v1a6 6 0 0 0 12 0v-3"), c(21, 10, 2)],
  stop: [rect(6, 6, 12, 12, 1)],
  tag: [p("M20.6 13.4l-7.2 7.2a2 2 0 0 1-2.8 0L3 13V3h10l7.6 7.6a2 2 0 0 1 0 2.8z"), c(7.5, 7.5, 1.5)],
  timer: [c(12, 13, 8), p("M12 9v4l2 2"), p("M10 2h4")],
  undo: [p("M9 14 4 9l5-5"), p("M4 9h11a5 5 0 0 1 0 10h-3")],
  userPlus: [c(9, 7, 4), p("M2 21v-2a4 4 0 0 1 4-4h6a4 4 0 0 1 4 4v2"), p("M19 8v6"), p("M22 11h-6")],
  warning: [p("M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z"), p("M12 9v4"), p("M12 17h.01")],
} satisfies Record<string, Shape[]>;

export type IconName = keyof typeof SHAPES;

export function isIconName(name: string): name is IconName {
  return Object.prototype.hasOwnProperty.call(SHAPES, name);
}

/** An icon the size of the surrounding text, decorative unless given a `label` (then read aloud). */
export function Icon({ name, label, className }: { name: IconName; label?: string; className?: string }) {
  return (
    <svg
      className={`icon icon-${name}${className ? ` ${className}` : ""}`}
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      data-icon={name}
      role={label ? "img" : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
    >
      {SHAPES[name].map((shape, i) => (
        <g key={i}>{shape}</g>
      ))}
    </svg>
  );
}
