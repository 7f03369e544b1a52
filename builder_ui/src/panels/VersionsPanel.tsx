// Published versions of the open workflow; each opens read-only.
import { memo } from "react";
import type { VersionSummary } from "../api/generated";
import { useLang, useT } from "../i18n";
import { useEditor } from "../store/editor";
import { useRoute } from "../store/router";
import { formatTime } from "./common";
import { VersionTools } from "../lifecycle/VersionTools";
import { Icon } from "../icons/Icon";

function VersionsPanelView({ versions }: { versions: VersionSummary[] }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const navigate = useRoute((s) => s.navigate);
  const meta = useEditor((s) => s.meta);
  if (meta.id === null) return <p className="muted">{t("versions.saveFirst")}</p>;
  const base = `/workflows/${encodeURIComponent(String(meta.id))}`;
  return (
    <section className="versions" data-testid="versions-panel">
      <ul>
        <li>
          <button className={meta.version === null ? "link current" : "link"} onClick={() => navigate(base)} data-testid="open-draft">
            <Icon name="pencil" /> {t("versions.draft")}
          </button>
        </li>
        {[...versions]
          .sort((a, b) => b.version - a.version)
          .map((v) => (
            <li key={v.version}>
              <button
                className={meta.version === v.version ? "link current" : "link"}
                onClick={() => navigate(`${base}/versions/${v.version}`)}
                data-testid={`open-version-${v.version}`}
              >
                <Icon name="lock" /> {t("versions.version", { version: v.version })}
              </button>{" "}
              <span className="muted small">
                {formatTime(v.published_at, lang)} {v.published_by_name ?? v.published_by ?? ""}
              </span>{" "}
              {!meta.readOnly && meta.id !== null && <VersionTools workflowId={meta.id} version={v.version} />}
            </li>
          ))}
      </ul>
      {versions.length === 0 && <p className="muted small">{t("versions.none")}</p>}
    </section>
  );
}

export const VersionsPanel = memo(VersionsPanelView);
