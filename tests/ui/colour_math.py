"""Colour science for the theme tests: WCAG contrast, colour-vision deficiency, CIEDE2000.

Pure NumPy, no Qt, so the figures can be checked by hand. Sources:

- Contrast: WCAG 2.2, "relative luminance" and "contrast ratio" in the glossary
  (https://www.w3.org/TR/WCAG22/#dfn-relative-luminance and #dfn-contrast-ratio),
  used by SC 1.4.3 Contrast (Minimum) and SC 1.4.11 Non-text Contrast.
- Colour-vision deficiency: G. M. Machado, M. M. Oliveira and L. A. F. Fernandes,
  "A Physiologically-based Model for Simulation of Color Vision Deficiency",
  IEEE TVCG 15(6), 2009, pp. 1291-1298. The matrices are the paper's severity 1.0
  (dichromacy) ones, from the authors' table
  (https://www.inf.ufrgs.br/~oliveira/pubs_files/CVD_Simulation/CVD_Simulation.html);
  they apply to linear RGB.
- Colour difference: CIEDE2000 as written out by G. Sharma, W. Wu and E. N. Dalal,
  "The CIEDE2000 Color-Difference Formula: Implementation Notes, Supplementary Test
  Data, and Mathematical Observations", Color Res. Appl. 30(1), 2005; the test
  data of that paper's Table 1 is checked in tests/ui/test_chart_kind_colours.py.
"""

from __future__ import annotations

import math

import numpy as np

# Machado et al. 2009, severity 1.0, applied to linear sRGB.
MACHADO: dict[str, np.ndarray] = {
    "protanopia": np.array(
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ]
    ),
    "deuteranopia": np.array(
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ]
    ),
    "tritanopia": np.array(
        [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ]
    ),
}


def hex_rgb(colour: str) -> tuple[float, float, float]:
    """'#rrggbb' as sRGB in 0..1."""
    c = colour.lstrip("#")
    return int(c[0:2], 16) / 255, int(c[2:4], 16) / 255, int(c[4:6], 16) / 255


def _linear(channel: float) -> float:
    # WCAG 2.2's constant is 0.04045 (the sRGB standard's); older WCAG text said
    # 0.03928, which gives the same result for 8-bit values.
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _encode(channel: float) -> float:
    channel = min(1.0, max(0.0, channel))
    return channel * 12.92 if channel <= 0.0031308 else 1.055 * channel ** (1 / 2.4) - 0.055


def linear_rgb(colour: str) -> np.ndarray:
    return np.array([_linear(c) for c in hex_rgb(colour)])


def relative_luminance(colour: str) -> float:
    """WCAG 2.2 relative luminance of an sRGB colour (0 black, 1 white)."""
    r, g, b = linear_rgb(colour)
    return float(0.2126 * r + 0.7152 * g + 0.0722 * b)


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2.2 contrast ratio (L1 + 0.05) / (L2 + 0.05), from 1 to 21."""
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def simulate(colour: str, deficiency: str) -> str:
    """`colour` as a dichromat sees it (Machado et al. 2009), as '#rrggbb'."""
    rgb = MACHADO[deficiency] @ linear_rgb(colour)
    return "#" + "".join(f"{round(_encode(float(c)) * 255):02x}" for c in rgb)


def lab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65 white) of an sRGB colour."""
    r, g, b = linear_rgb(colour)
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def ciede2000(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    """CIEDE2000 colour difference (kL = kC = kH = 1), after Sharma et al. 2005."""
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    c_bar7 = ((c1 + c2) / 2) ** 7
    g = 0.5 * (1 - math.sqrt(c_bar7 / (c_bar7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dl = l2 - l1
    dc = c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    elif abs(h2p - h1p) <= 180:
        dh = h2p - h1p
    elif h2p - h1p > 180:
        dh = h2p - h1p - 360
    else:
        dh = h2p - h1p + 360
    d_h = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_bar = (l1 + l2) / 2
    c_bar = (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_bar = (h1p + h2p) / 2
    elif h1p + h2p < 360:
        h_bar = (h1p + h2p + 360) / 2
    else:
        h_bar = (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_bar - 30))
        + 0.24 * math.cos(math.radians(2 * h_bar))
        + 0.32 * math.cos(math.radians(3 * h_bar + 6))
        - 0.20 * math.cos(math.radians(4 * h_bar - 63))
    )
    d_theta = 30 * math.exp(-(((h_bar - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(c_bar**7 / (c_bar**7 + 25**7))
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    s_c = 1 + 0.045 * c_bar
    s_h = 1 + 0.015 * c_bar * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt(
        (dl / s_l) ** 2 + (dc / s_c) ** 2 + (d_h / s_h) ** 2 + r_t * (dc / s_c) * (d_h / s_h)
    )


def delta_e(a: str, b: str) -> float:
    """CIEDE2000 between two sRGB colours."""
    return ciede2000(lab(a), lab(b))
