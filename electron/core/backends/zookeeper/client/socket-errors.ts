/**
 * What went wrong on a socket, in a sentence that starts with the server (`127.0.0.1:2281 refused…`),
 * without OpenSSL's internals. A TLS failure is a ZkTlsError saying which side refused whom: the server
 * our client certificate, or we the server's certificate.
 */
export type ZkTlsFailure = 'clientCertificateRefused' | 'serverCertificateUntrusted' | 'handshake';

export class ZkTlsError extends Error {
  constructor(
    message: string,
    readonly failure: ZkTlsFailure,
    readonly detail: string | undefined,
  ) {
    super(message);
    this.name = 'ZkTlsError';
  }
}

/** The socket failed (refused, reset, unknown host); the message names the server. */
export class ZkSocketError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZkSocketError';
  }
}

/** TLS alerts a server sends when it does not accept our certificate (or our lack of one). */
const CLIENT_CERT_ALERTS =
  /ALERT_(BAD_CERTIFICATE|CERTIFICATE_UNKNOWN|CERTIFICATE_REQUIRED|UNKNOWN_CA|HANDSHAKE_FAILURE|CERTIFICATE_EXPIRED|CERTIFICATE_REVOKED)|alert number (40|42|45|46|48|116)/;
/** Node's codes for a server certificate it could not verify. */
const SERVER_CERT_CODES =
  /^(UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|CERT_UNTRUSTED|CERT_SIGNATURE_FAILURE|ERR_TLS_CERT_ALTNAME_INVALID|HOSTNAME_MISMATCH)$/;

export function socketFailure(label: string, error: NodeJS.ErrnoException, tls: boolean): Error {
  const code = error.code ?? '';
  if (tls && SERVER_CERT_CODES.test(code)) {
    const why =
      code === 'ERR_TLS_CERT_ALTNAME_INVALID'
        ? 'it is not issued for this host name'
        : code.toLowerCase().replace(/_/g, ' ');
    return new ZkTlsError(
      `${label} presented a TLS certificate that could not be verified (${why}); check the CA file and the host name`,
      'serverCertificateUntrusted',
      error.message,
    );
  }
  if (tls && CLIENT_CERT_ALERTS.test(`${code} ${error.message}`)) {
    return new ZkTlsError(
      `${label} refused the TLS client certificate (or the lack of one)`,
      'clientCertificateRefused',
      error.message,
    );
  }
  if (tls && /SSL|TLS/.test(code)) {
    return new ZkTlsError(`${label} failed the TLS handshake (${code})`, 'handshake', error.message);
  }
  if (code === 'ECONNREFUSED') return new ZkSocketError(`${label} refused the connection`);
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return new ZkSocketError(
      tls ? `${label} closed the connection during the TLS handshake` : `${label} reset the connection`,
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new ZkSocketError(`${label}: the host name does not resolve`);
  return new ZkSocketError(`${label}: ${error.message}`);
}
