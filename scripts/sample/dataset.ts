// The entry loadDataset() bundles for Node: every sample the print scripts use.
export { buildLargeReconciliation, buildSampleDocuments, type SampleDocuments } from './documentsDataset';
export { buildSampleReports, type SampleReports } from './reportsDataset';
