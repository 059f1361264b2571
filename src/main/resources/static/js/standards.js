// The standards page: picking a date means a custom period.
document.addEventListener('change', (event) => {
  const field = event.target;
  if (field.matches('.standards-filter input[type="date"]')) {
    const period = document.getElementById('period');
    if (period) {
      period.value = 'custom';
    }
  }
});
