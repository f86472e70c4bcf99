/** What SigV4 signs with: Lambda's role gives all three, a user's long-term keys the first two. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}
