import { STATUS_LABEL, type ReportStatus } from "@/lib/aarsrapport/rules";
import styles from "@/components/aarsrapport/workflow.module.css";

export function StatusBadge({ status }: { status: ReportStatus }) {
  return (
    <span className={`${styles.status} ${styles[`status--${status}`] ?? ""}`} data-testid="report-status">
      {STATUS_LABEL[status]}
    </span>
  );
}
