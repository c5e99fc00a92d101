/** An error the person running the ingestion can fix: shown without a stack trace. */
export class IngestError extends Error {
  override name = 'IngestError';
}
