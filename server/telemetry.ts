import type { IncomingMessage } from 'node:http';
import { useAzureMonitor } from '@azure/monitor-opentelemetry';
import type { Span } from '@opentelemetry/api';

/** Incoming request URLs lose their query string: the live-update stream carries its token there. */
function withoutQuery(span: Span, request: unknown): void {
  const url = (request as IncomingMessage).url;
  if (!url || !url.includes('?')) return;
  const path = url.slice(0, url.indexOf('?'));
  span.setAttribute('http.target', path);
  span.setAttribute('url.path', path);
  span.setAttribute('url.query', '');
  span.updateName(`${(request as IncomingMessage).method ?? 'GET'} ${path}`);
}

/**
 * Application Insights through the Azure Monitor OpenTelemetry distribution: incoming requests, Azure SDK
 * calls (the operational store) and exceptions; Graph calls are spans of their own (the Graph client's
 * telemetry middleware). Never bodies, headers or query strings, so no note text and no token. Started
 * before the service's modules load so that its HTTP server is instrumented.
 */
export function startTelemetry(connectionString: string): void {
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    enableLiveMetrics: false,
    instrumentationOptions: {
      http: { enabled: true, requestHook: withoutQuery } as object,
      azureSdk: { enabled: true },
    },
  });
}
