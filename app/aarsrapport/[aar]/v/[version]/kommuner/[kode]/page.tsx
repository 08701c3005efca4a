import { MunicipalityPage, reportTitle, type ReportParams } from "../../../../render";

type Props = { params: Promise<ReportParams> };
export const generateMetadata = async ({ params }: Props) => ({ title: reportTitle(await params) });
export default async function Page({ params }: Props) {
  return <MunicipalityPage params={await params} />;
}
