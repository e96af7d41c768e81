export * from './app-api';
export * from './channels';
export * from './demo-size';
