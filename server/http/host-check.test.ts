import { describe, expect, it } from 'vitest'
import { hostAllowed, hostCheckWarning, hostnameOf } from './host-check.ts'

describe('hostnameOf', () => {
  it('drops the port and IPv6 brackets and lowercases', () => {
    expect(hostnameOf('Bord.Example.nl:443')).toBe('bord.example.nl')
    expect(hostnameOf('[::1]:8080')).toBe('::1')
    expect(hostnameOf('::1')).toBe('::1')
    expect(hostnameOf('localhost')).toBe('localhost')
  })
})

describe('hostAllowed', () => {
  const publicUrl = 'https://bord.gemeente.nl'
  it('accepts PUBLIC_URL’s host, ALLOWED_HOSTS, localhost and IP literals on any port', () => {
    for (const host of ['bord.gemeente.nl', 'bord.gemeente.nl:8443', 'intern.gemeente.nl', 'localhost:5173', 'app.localhost', '10.0.0.5:8080', '[fd00::1]:80']) {
      expect(hostAllowed(host, publicUrl, ['intern.gemeente.nl']), host).toBe(true)
    }
  })
  it('refuses any other name, such as a rebinding attacker’s', () => {
    for (const host of ['aanvaller.example', 'bord.gemeente.nl.aanvaller.example', 'localhost.aanvaller.example', 'gemeente.nl']) {
      expect(hostAllowed(host, publicUrl, ['intern.gemeente.nl']), host).toBe(false)
    }
  })
  it('accepts everything with ALLOWED_HOSTS=*', () => {
    expect(hostAllowed('wat.dan.ook', publicUrl, ['*'])).toBe(true)
  })
})

describe('hostCheckWarning', () => {
  it('warns only when serving a network without a host name to answer to', () => {
    expect(hostCheckWarning('0.0.0.0', 'http://0.0.0.0:8080', [])).toMatch(/PUBLIC_URL/)
    expect(hostCheckWarning('0.0.0.0', 'https://bord.gemeente.nl', [])).toBeNull()
    expect(hostCheckWarning('0.0.0.0', 'http://0.0.0.0:8080', ['bord.lan'])).toBeNull()
    expect(hostCheckWarning('127.0.0.1', 'http://127.0.0.1:8080', [])).toBeNull()
  })
})
