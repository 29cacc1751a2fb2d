/**
 * What the board does when the server ends its connection for good (close codes in
 * shared/protocol.ts). Pure, so the rules are easy to read and test; BoardView acts on them.
 */
import { CloseCode } from '../../shared/protocol.ts'

export type ServerCloseReaction =
  /** The board's settings changed (anonymity): load them again, then reconnect. */
  | 'reload-settings'
  /** The link was revoked or expired, or the board deleted: this link is done. */
  | 'revoked'
  /** The server refused something this device sent; sending it again would be refused again. */
  | 'refused'
  /** The board holds as many records as the server allows; this device's last addition was refused. */
  | 'board-full'
  /** Any other final close. */
  | 'closed'

export function serverCloseReaction(code: number): ServerCloseReaction {
  switch (code) {
    case CloseCode.settingsChanged:
      return 'reload-settings'
    case CloseCode.revoked:
    case CloseCode.unauthorized:
      return 'revoked'
    case CloseCode.invalidContent:
    case CloseCode.badMessage:
    case CloseCode.tooLarge:
      return 'refused'
    case CloseCode.tooManyRecords:
      return 'board-full'
    default:
      return 'closed'
  }
}
