/** CloudWatch namespace of the platform's business metrics (written by the Lambda shells, read by the dashboard). */
export const METRICS_NAMESPACE = 'BlueHeart';
