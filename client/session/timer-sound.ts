/**
 * The optional sound at the end of the timer: two soft tones from WebAudio (no file to fetch), off
 * unless this browser turned it on (remembered in localStorage). Browsers start audio only after a
 * gesture on the page, so the context is made on the toggle's click, or on the first click after a
 * reload with the sound on.
 */
import { readStored, writeStored } from '../storage/local.ts'

const SOUND_KEY = 'dialoogbord:timer-sound'

export function loadSoundOn(): boolean {
  return readStored(SOUND_KEY, (value) => (typeof value === 'boolean' ? value : null)) ?? false
}

export function saveSoundOn(on: boolean): void {
  writeStored(SOUND_KEY, on)
}

let context: AudioContext | null = null

/** Makes (or wakes) the audio context; call from a user gesture. */
export function primeSound(): void {
  try {
    context ??= new AudioContext()
    if (context.state === 'suspended') void context.resume()
  } catch {
    context = null // no WebAudio: the visual cue remains
  }
}

/** Two short, quiet tones, rising. */
export function playEndTone(): void {
  if (!context || context.state !== 'running') return
  const start = context.currentTime
  for (const [i, frequency] of [660, 880].entries()) {
    const at = start + i * 0.25
    const oscillator = context.createOscillator()
    const gain = context.createGain()
    oscillator.type = 'sine'
    oscillator.frequency.value = frequency
    gain.gain.setValueAtTime(0, at)
    gain.gain.linearRampToValueAtTime(0.12, at + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.22)
    oscillator.connect(gain).connect(context.destination)
    oscillator.start(at)
    oscillator.stop(at + 0.25)
  }
}
